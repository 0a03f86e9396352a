package pl.koordes.directory.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * The regional coordinator's workspace on the running application: a coordinator changes their own
 * region (audited, shown on the public page) and reaches nothing of another region's — not by its
 * address, not by a membership id of its committee sent to their own region's forms (IDOR). Committee
 * members' contacts are shown in the workspace and never on the public page. Each change runs in a
 * transaction rolled back afterwards, so the shared demo data stays as it was.
 */
@IntegrationTest
class CoordinationIntegrationTests {

    static final String OWN = "malopolskie";
    static final String OTHER = "slaskie";
    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    MockMvc mvc;
    UserDetails coordinator;
    UserDetails otherCoordinator;
    UserDetails administrator;
    UserDetails committeeMember;
    long otherMember;
    long ownMember;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        otherCoordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_SLASKIE);
        administrator = users.loadUserByUsername(DemoAccounts.ADMINISTRATOR);
        committeeMember = users.loadUserByUsername(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        ownMember = member(OWN);
        otherMember = member(OTHER);
    }

    @Test
    void theWorkspaceShowsTheCommitteeMembersContactsWhichThePublicPageDoesNot() throws Exception {
        String email = jdbc.sql("select email from committee_membership where id = :id")
                .param("id", ownMember)
                .query(String.class)
                .single();
        assertThat(email).as("demo data gives members a contact").endsWith("@rkres-malopolskie.example");

        String workspace = page(coordinator, "/koordynacja/" + OWN);
        assertThat(workspace)
                .contains("Koordynacja: województwo małopolskie")
                .contains(email)
                .contains("href=\"/koordynacja/" + OWN + "/czlonkowie/" + ownMember + "\"");
        // Not a word of another region's members.
        String otherEmail = jdbc.sql("select email from committee_membership where id = :id")
                .param("id", otherMember)
                .query(String.class)
                .single();
        assertThat(workspace).doesNotContain(otherEmail).doesNotContain("rkres-slaskie");

        for (UserDetails who : new UserDetails[] {null, coordinator, committeeMember, administrator}) {
            String publicPage = who == null ? anonymousPage("/regiony/" + OWN) : page(who, "/regiony/" + OWN);
            assertThat(publicPage)
                    .as("public page as %s", who == null ? "visitor" : who.getUsername())
                    .doesNotContain("@rkres-")
                    .doesNotContain(email);
        }
    }

    @Test
    void aRegionWithoutARopsOrACommitteeInOfficeStillHasItsWorkspaceWithItsDescription() throws Exception {
        long region = regionId(OWN);
        String ropsEmail = jdbc.sql("select email from institution where region_id = :region and kind = 'ROPS'")
                .param("region", region)
                .query(String.class)
                .single();
        String memberEmail = jdbc.sql("select email from committee_membership where id = :id")
                .param("id", ownMember)
                .query(String.class)
                .single();
        assertThat(page(coordinator, "/koordynacja/" + OWN)).contains(ropsEmail).contains(memberEmail);

        inRolledBackTransaction(() -> {
            jdbc.sql("update region set description_pl = 'Opis bez komitetu' where id = :region")
                    .param("region", region)
                    .update();
            jdbc.sql("update institution set kind = 'OWES' where region_id = :region and kind = 'ROPS'")
                    .param("region", region)
                    .update();
            jdbc.sql("""
                            update committee set term_start = current_date + 400, term_end = current_date + 1800
                            where region_id = :region""").param("region", region).update();

            String workspace = page(coordinator, "/koordynacja/" + OWN);
            assertThat(workspace)
                    .contains("Koordynacja: województwo małopolskie")
                    .contains("Opis bez komitetu")
                    .doesNotContain(ropsEmail)
                    .doesNotContain(memberEmail);
        });
    }

    @Test
    void theListOffersOnlyTheRegionsICoordinateAndTheHeaderLinksFollowThePermissions() throws Exception {
        String mine = page(coordinator, "/koordynacja");
        assertThat(mine)
                .contains("href=\"/koordynacja/" + OWN + "\"")
                .doesNotContain("href=\"/koordynacja/" + OTHER + "\"")
                .contains("href=\"/koordynacja\"")
                .doesNotContain("href=\"/admin\"");
        String all = page(administrator, "/koordynacja");
        assertThat(all)
                .contains("href=\"/koordynacja/" + OWN + "\"")
                .contains("href=\"/koordynacja/" + OTHER + "\"")
                .contains("href=\"/admin\"");
        assertThat(page(committeeMember, "/"))
                .doesNotContain("href=\"/koordynacja\"")
                .doesNotContain("href=\"/admin\"");

        // The region page offers "Edytuj" to whoever may edit that region, and to nobody else.
        String edit = "href=\"/koordynacja/" + OWN + "\"";
        assertThat(page(coordinator, "/regiony/" + OWN)).contains(edit);
        assertThat(page(administrator, "/regiony/" + OWN)).contains(edit);
        assertThat(page(otherCoordinator, "/regiony/" + OWN)).doesNotContain(edit);
        assertThat(page(committeeMember, "/regiony/" + OWN)).doesNotContain(edit);
        assertThat(anonymousPage("/regiony/" + OWN)).doesNotContain(edit);
        assertThat(page(coordinator, "/regiony/" + OTHER)).doesNotContain("href=\"/koordynacja/" + OTHER + "\"");
    }

    @Test
    void anotherRegionsWorkspaceIsForbiddenByItsAddress() throws Exception {
        for (String path : List.of(
                "/koordynacja/" + OTHER,
                "/koordynacja/" + OTHER + "/czlonkowie/nowy",
                "/koordynacja/" + OTHER + "/czlonkowie/" + otherMember)) {
            assertThat(send(coordinator, get(path)).getStatus()).as(path).isEqualTo(403);
        }
        inRolledBackTransaction(() -> {
            String before = description(OTHER);
            MockHttpServletResponse refused =
                    send(coordinator, post("/koordynacja/" + OTHER + "/opis").param("descriptionPl", "Przejęte"));
            assertThat(refused.getStatus()).isEqualTo(403);
            assertThat(description(OTHER)).isEqualTo(before);
            assertThat(send(
                                    coordinator,
                                    post("/koordynacja/" + OTHER + "/kontakt").param("email", "zly@przyklad.example"))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(send(coordinator, post("/koordynacja/" + OTHER + "/czlonkowie/" + otherMember + "/koniec"))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(termEnd(otherMember)).isNotNull();
        });
        // Unknown regions are simply not there.
        assertThat(send(coordinator, get("/koordynacja/nie-ma-takiego")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void aMembershipIdOfAnotherRegionsCommitteeSentToMyRegionsFormsFindsNothing() throws Exception {
        String base = "/koordynacja/" + OWN + "/czlonkowie/" + otherMember;
        assertThat(send(coordinator, get(base)).getStatus()).isEqualTo(404);
        inRolledBackTransaction(() -> {
            Map<String, Object> before = membership(otherMember);
            MockHttpServletResponse edit =
                    send(coordinator, validMembership(post(base)).param("email", "przejety@test.koordes.example"));
            assertThat(edit.getStatus()).isEqualTo(404);
            assertThat(membership(otherMember)).isEqualTo(before);
            MockHttpServletResponse end =
                    send(coordinator, post(base + "/koniec").param("end", "2026-01-01"));
            assertThat(end.getStatus()).isEqualTo(404);
            assertThat(membership(otherMember)).isEqualTo(before);
            assertThat(audits("committee_membership", otherMember)).isZero();
        });
        // The administrator reaches a membership through its own region only, too: the address names the region.
        assertThat(send(administrator, get(base)).getStatus()).isEqualTo(404);
        assertThat(send(administrator, get("/koordynacja/" + OTHER + "/czlonkowie/" + otherMember))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aChangedDescriptionShowsOnThePublicPageEscapedAndIsAudited() throws Exception {
        inRolledBackTransaction(() -> {
            MockHttpServletResponse saved = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/opis")
                            .param(
                                    "descriptionPl",
                                    "Pierwszy akapit " + SCRIPT + ".\r\n\r\nDrugi akapit: zażółć gęślą jaźń.")
                            .param("descriptionEn", ""));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(saved.getRedirectedUrl()).isEqualTo("/koordynacja/" + OWN);
            String publicPage = anonymousPage("/regiony/" + OWN);
            assertThat(publicPage)
                    .contains("<p>Pierwszy akapit &lt;script&gt;alert(1)&lt;/script&gt;.</p>")
                    .contains("<p>Drugi akapit: zażółć gęślą jaźń.</p>")
                    .doesNotContain(SCRIPT);
            // No English text: the English page shows the Polish one, marked as Polish.
            assertThat(anonymousPage("/regiony/" + OWN + "?lang=en"))
                    .contains("Drugi akapit")
                    .contains("lang=\"pl\"");
            Map<String, Object> audit = lastAudit("DIRECTORY_REGION_DESCRIPTION_UPDATED", "region", regionId(OWN));
            assertThat(audit)
                    .containsEntry(
                            "actor_id",
                            ((AccountUserDetails) coordinator).user().id());
            assertThat((String) audit.get("after_text")).contains("Drugi akapit");
        });
    }

    @Test
    void theRopsContactIsEditedWithErrorsShownAndAudited() throws Exception {
        inRolledBackTransaction(() -> {
            MockHttpServletResponse refused = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/kontakt")
                            .param("email", "to nie adres")
                            .param("postalCode", "123")
                            .param("website", "javascript:alert(1)"));
            assertThat(refused.getStatus()).isEqualTo(422);
            String body = refused.getContentAsString(StandardCharsets.UTF_8);
            assertThat(body)
                    .contains("class=\"error-summary\"")
                    .contains("href=\"#email\"")
                    .contains("href=\"#postalCode\"")
                    .contains("href=\"#website\"")
                    .contains("value=\"to nie adres\"");

            MockHttpServletResponse saved = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/kontakt")
                            .param("street", "ul. Nowa 5")
                            .param("postalCode", "30-001")
                            .param("city", "Kraków")
                            .param("email", "kontakt@rops-nowy.example")
                            .param("phone", "+48 12 000 00 00")
                            .param("website", "https://rops-nowy.example"));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(anonymousPage("/regiony/" + OWN))
                    .contains("kontakt@rops-nowy.example")
                    .contains("ul. Nowa 5");
            long rops = jdbc.sql("select min(id) from institution where kind = 'ROPS' and region_id = :r")
                    .param("r", regionId(OWN))
                    .query(Long.class)
                    .single();
            assertThat(lastAudit("DIRECTORY_INSTITUTION_UPDATED", "institution", rops))
                    .containsEntry(
                            "actor_id",
                            ((AccountUserDetails) coordinator).user().id());
        });
    }

    @Test
    void aCoordinatorAddsChangesAndEndsMembershipsOfTheirCommitteeAudited() throws Exception {
        inRolledBackTransaction(() -> {
            MockHttpServletResponse refused = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/czlonkowie/nowy")
                            .param("fullName", "")
                            .param("termStart", "2026-01-01")
                            .param("email", "zly adres"));
            assertThat(refused.getStatus()).isEqualTo(422);
            // The membership and the member's contact are two form records; the summary lists the errors of both.
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                    .contains("class=\"error-summary\"")
                    .contains("href=\"#fullName\"")
                    .contains("href=\"#sector\"")
                    .contains("href=\"#email\"")
                    .contains("value=\"zly adres\"");
            MockHttpServletResponse notADate = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/czlonkowie/nowy")
                            .param("fullName", "Nowa Próbna")
                            .param("sector", "NGO")
                            .param("function", "MEMBER")
                            .param("termStart", "nie data"));
            assertThat(notADate.getStatus()).isEqualTo(422);
            assertThat(notADate.getContentAsString(StandardCharsets.UTF_8))
                    .contains("href=\"#termStart\"")
                    .contains("value=\"nie data\"");

            MockHttpServletResponse added = send(
                    coordinator,
                    validMembership(post("/koordynacja/" + OWN + "/czlonkowie/nowy"))
                            .param("email", "nowa.osoba@test.koordes.example")
                            .param("phone", "+48 00 111 22 33"));
            assertThat(added.getStatus()).isEqualTo(302);
            long id = jdbc.sql("select id from committee_membership where email = 'nowa.osoba@test.koordes.example'")
                    .query(Long.class)
                    .single();
            assertThat(page(coordinator, "/koordynacja/" + OWN))
                    .contains("Nowa Próbna")
                    .contains("nowa.osoba@test.koordes.example");
            assertThat(anonymousPage("/regiony/" + OWN))
                    .contains("Nowa Próbna")
                    .doesNotContain("nowa.osoba@test.koordes.example");
            assertThat(lastAudit("DIRECTORY_MEMBERSHIP_ADDED", "committee_membership", id)
                            .get("after_text")
                            .toString())
                    .contains("nowa.osoba@test.koordes.example");

            MockHttpServletResponse changed = send(
                    coordinator,
                    membership(post("/koordynacja/" + OWN + "/czlonkowie/" + id), "SECRETARY", "SCIENCE")
                            .param("email", "nowa.osoba@test.koordes.example"));
            assertThat(changed.getStatus()).isEqualTo(302);
            assertThat(membership(id)).containsEntry("function", "SECRETARY").containsEntry("sector", "SCIENCE");
            assertThat(lastAudit("DIRECTORY_MEMBERSHIP_UPDATED", "committee_membership", id)
                            .get("after_text")
                            .toString())
                    .contains("SECRETARY");

            MockHttpServletResponse badEnd = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/czlonkowie/" + id + "/koniec")
                            .param("end", "2001-01-01"));
            assertThat(badEnd.getStatus()).isEqualTo(422);
            assertThat(badEnd.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"#end-" + id + "\"");
            MockHttpServletResponse ended = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/czlonkowie/" + id + "/koniec")
                            .param("end", "2026-12-31")
                            .param("potwierdzenie", "tak"));
            assertThat(ended.getStatus()).isEqualTo(302);
            assertThat(termEnd(id)).isEqualTo("2026-12-31");
            assertThat(audits("committee_membership", id)).isEqualTo(3);
        });
    }

    @Test
    void aMembersFunctionIsNamedInTheFormChosenForThem() throws Exception {
        inRolledBackTransaction(() -> {
            assertThat(page(coordinator, "/koordynacja/" + OWN + "/czlonkowie/nowy"))
                    .contains("Jak nazywać funkcję tej osoby")
                    .contains("value=\"UNSPECIFIED\" checked");
            MockHttpServletResponse added = send(
                    coordinator,
                    membership(post("/koordynacja/" + OWN + "/czlonkowie/nowy"), "VICE_CHAIR", "NGO")
                            .param("functionForm", "FEMININE"));
            assertThat(added.getStatus()).isEqualTo(302);
            assertThat(memberRow(anonymousPage("/regiony/" + OWN), "Nowa Próbna"))
                    .contains("<td>Wiceprzewodnicząca</td>")
                    .doesNotContain("lub");

            long id = jdbc.sql("select max(id) from committee_membership where full_name = 'Nowa Próbna'")
                    .query(Long.class)
                    .single();
            send(
                    coordinator,
                    membership(post("/koordynacja/" + OWN + "/czlonkowie/" + id), "MEMBER", "NGO")
                            .param("functionForm", "UNSPECIFIED"));
            assertThat(memberRow(anonymousPage("/regiony/" + OWN), "Nowa Próbna"))
                    .contains("<td>Członkini lub członek</td>");
            send(
                    coordinator,
                    membership(post("/koordynacja/" + OWN + "/czlonkowie/" + id), "MEMBER", "NGO")
                            .param("functionForm", "MASCULINE"));
            assertThat(memberRow(anonymousPage("/regiony/" + OWN), "Nowa Próbna"))
                    .contains("<td>Członek</td>");
        });
    }

    /** The table row of the public committee list that names the person. */
    private static String memberRow(String html, String name) {
        int at = html.indexOf(name);
        assertThat(at).as(name + " on the page").isNotNegative();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    @Test
    void hostileTextInEveryFieldNeverBreaksAPage() throws Exception {
        // Our own payloads, then the start of the Big List of Naughty Strings (the whole list is tried by
        // the administration's test; each string here is sent to four forms).
        List<String> hostile = NaughtyStrings.payloadsAnd(List.of(
                        SCRIPT,
                        "\"><img src=x onerror=alert(1)>",
                        "\u0000",
                        "'; drop table region; --",
                        "x".repeat(5000),
                        "\u202Ekcatta\u202C"))
                .stream()
                .limit(126)
                .toList();
        String member = "/koordynacja/" + OWN + "/czlonkowie/" + ownMember;
        inRolledBackTransaction(() -> {
            for (String text : hostile) {
                for (MockHttpServletRequestBuilder request : List.of(
                        post("/koordynacja/" + OWN + "/opis")
                                .param("descriptionPl", text)
                                .param("descriptionEn", text),
                        post("/koordynacja/" + OWN + "/kontakt")
                                .param("street", text)
                                .param("city", text)
                                .param("email", text)
                                .param("phone", text)
                                .param("postalCode", text)
                                .param("website", text),
                        post(member)
                                .param("fullName", text)
                                .param("organisation", text)
                                .param("sector", text)
                                .param("function", text)
                                .param("termStart", text)
                                .param("termEnd", text)
                                .param("email", text)
                                .param("phone", text),
                        post(member + "/koniec").param("end", text))) {
                    MockHttpServletResponse response = send(coordinator, request);
                    assertThat(response.getStatus()).as("%s", text).isIn(302, 422);
                    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                            .doesNotContain(SCRIPT)
                            .doesNotContain("<img src=x");
                }
            }
            assertThat(anonymousPage("/regiony/" + OWN)).doesNotContain(SCRIPT).doesNotContain("<img src=x");
            assertThat(page(coordinator, "/koordynacja/" + OWN))
                    .doesNotContain(SCRIPT)
                    .doesNotContain("<img src=x");
        });
    }

    @Test
    void aNulByteInADescriptionIsRefusedWithTheFormKeptAndAnRtlOverrideIsStripped() throws Exception {
        inRolledBackTransaction(() -> {
            String before = description(OWN);
            MockHttpServletResponse nul = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/opis")
                            .param("descriptionPl", "Opis z bajtem\u0000zerowym")
                            .param("descriptionEn", "English text kept"));
            assertThat(nul.getStatus()).isEqualTo(422);
            String body = nul.getContentAsString(StandardCharsets.UTF_8);
            assertThat(body)
                    .contains("class=\"error-summary\"")
                    .contains(
                            "<a href=\"#descriptionPl\">Opis po polsku: ten tekst zawiera niedozwolony znak sterujący. Usuń go i spróbuj ponownie.</a>")
                    .contains("aria-invalid=\"true\"")
                    .contains(">English text kept</textarea>");
            assertThat(description(OWN)).isEqualTo(before);

            // A right-to-left override would make the text display as something else: it goes, the rest is kept.
            MockHttpServletResponse rtl = send(
                    coordinator,
                    post("/koordynacja/" + OWN + "/opis")
                            .param("descriptionPl", "Opis \u202Ekcatta\u202C regionu")
                            .param("descriptionEn", ""));
            assertThat(rtl.getStatus()).isEqualTo(302);
            assertThat(description(OWN)).isEqualTo("Opis kcatta regionu");
        });
    }

    // Helpers

    interface Step {
        void run() throws Exception;
    }

    /** Runs requests in a transaction rolled back afterwards (MockMvc runs them on this thread, so they join it). */
    private void inRolledBackTransaction(Step step) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private static MockHttpServletRequestBuilder validMembership(MockHttpServletRequestBuilder request) {
        return membership(request, "MEMBER", "NGO");
    }

    private static MockHttpServletRequestBuilder membership(
            MockHttpServletRequestBuilder request, String function, String sector) {
        return request.param("fullName", "Nowa Próbna")
                .param("organisation", "Fundacja Przykład (test)")
                .param("sector", sector)
                .param("function", function)
                .param("termStart", "2026-01-01")
                .param("termEnd", "");
    }

    private long member(String region) {
        return jdbc.sql("""
                        select m.id from committee_membership m join committee c on c.id = m.committee_id
                        join region r on r.id = c.region_id where r.slug = :slug order by c.term_start desc, m.id limit 1
                        """).param("slug", region).query(Long.class).single();
    }

    private long regionId(String slug) {
        return jdbc.sql("select id from region where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
    }

    private @Nullable String description(String slug) {
        return jdbc.sql("select description_pl from region where slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
    }

    private Map<String, Object> membership(long id) {
        return jdbc.sql(
                        "select full_name, sector, function, term_end::text as term_end, email, phone from committee_membership where id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private @Nullable String termEnd(long id) {
        return jdbc.sql("select term_end::text from committee_membership where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long audits(String type, long id) {
        return jdbc.sql("select count(*) from audit_entry where target_type = :type and target_id = :id")
                .param("type", type)
                .param("id", Long.toString(id))
                .query(Long.class)
                .single();
    }

    private Map<String, Object> lastAudit(String action, String type, long id) {
        return jdbc.sql("""
                        select actor_id, before_value::text as before_text, after_value::text as after_text from audit_entry
                        where action = :action and target_type = :type and target_id = :id order by id desc limit 1
                        """)
                .param("action", action)
                .param("type", type)
                .param("id", Long.toString(id))
                .query()
                .singleRow();
    }

    private MockHttpServletResponse send(UserDetails who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    private String page(UserDetails who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(URI.create(path)));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String anonymousPage(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(URI.create(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
