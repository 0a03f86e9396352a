package pl.koordes.directory.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.directory.internal.DirectoryProfiles;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * The directory's administration on the running application and its PostgreSQL: edits show on the
 * public pages at once and land in the audit log, invalid input comes back as the form with its
 * errors and saves nothing, only administrators get in, and hostile text never breaks a page.
 * Every test puts back what it changed: the application and its data are shared with other tests.
 */
@IntegrationTest
class DirectoryAdminIntegrationTests {

    private static final String ADMINISTRATOR = "administrator@demo.koordes.example";
    private static final String EDITOR = "redaktor@demo.koordes.example";
    private static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    Directory directory;

    @Autowired
    DirectoryProfiles profiles;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    AccountUserDetails administrator;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        administrator = (AccountUserDetails) users.loadUserByUsername(ADMINISTRATOR);
    }

    @Test
    void anEditedEnglishNameShowsOnTheEnglishRegionPageAndTheAuditLogKeepsBeforeAndAfter() throws Exception {
        Region opolskie = directory.region("opolskie").orElseThrow();
        // The lists and maps of the directory's pages are cached: read them first, so the edit must replace them.
        assertThat(page("/regiony?lang=en")).doesNotContain("Opole Province");
        assertThat(page("/regiony/slaskie?lang=en")).doesNotContain("Opole Province");
        try {
            MvcResult saved = mvc.perform(regionForm(opolskie, "nameEn", "Opole Province")
                            .with(user(administrator))
                            .with(csrf()))
                    .andReturn();
            assertThat(saved.getResponse().getStatus()).isEqualTo(302);
            assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/katalog/regiony/" + opolskie.id());
            assertThat(saved.getFlashMap().get("notice")).isEqualTo("directory.admin.region.saved");

            assertThat(page("/regiony/opolskie?lang=en")).contains("Opole Province");
            assertThat(page("/regiony?lang=en")).contains("Opole Province");
            // Only the map names the neighbouring region on this page.
            assertThat(page("/regiony/slaskie?lang=en")).contains("Opole Province");

            Map<String, Object> audit = jdbc.sql("""
                            select actor_id, before_value ->> 'nameEn' as before_name, after_value ->> 'nameEn' as after_name
                            from audit_entry where action = 'DIRECTORY_REGION_UPDATED' and target_type = 'region' and target_id = :id
                            order by id desc limit 1
                            """)
                    .param("id", Long.toString(opolskie.id()))
                    .query()
                    .singleRow();
            assertThat(audit)
                    .containsEntry("before_name", "Opole")
                    .containsEntry("after_name", "Opole Province")
                    .containsEntry("actor_id", administrator.user().id());

            String form = mvc.perform(get("/admin/katalog/regiony/" + opolskie.id())
                            .flashAttrs(saved.getFlashMap())
                            .with(user(administrator)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(form)
                    .contains("<p class=\"notice success\" role=\"status\">Zapisano zmiany województwa.</p>")
                    .contains("value=\"Opole Province\"");
        } finally {
            restore(opolskie);
        }
        assertThat(page("/regiony/slaskie?lang=en")).doesNotContain("Opole Province");
    }

    @Test
    void aRegionMovesToAnotherMacroregionAndBack() throws Exception {
        Region opolskie = directory.region("opolskie").orElseThrow();
        long southern = directory.macroregions().stream()
                .filter(m -> m.code().equals("PL2"))
                .findFirst()
                .orElseThrow()
                .id();
        try {
            assertThat(send(regionForm(opolskie, "macroregionId", Long.toString(southern)))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(page("/makroregiony/poludniowy")).contains("/regiony/opolskie");
            assertThat(page("/admin/katalog/makroregiony/" + southern))
                    .contains("href=\"/admin/katalog/regiony/" + opolskie.id() + "\"");
        } finally {
            restore(opolskie);
        }
        assertThat(page("/makroregiony/poludniowy")).doesNotContain("/regiony/opolskie");
    }

    @Test
    void aNewInstitutionWithContactsShowsOnTheRegionPageUntilItIsDeleted() throws Exception {
        Region lubuskie = directory.region("lubuskie").orElseThrow();
        MockHttpServletResponse created = send(post("/admin/katalog/instytucje/nowa")
                .param("kind", "PARTNER")
                .param("name", "Fundacja Testowa „Współpraca” (demo)")
                .param("regionId", Long.toString(lubuskie.id()))
                .param("street", "ul. Próbna 7")
                .param("postalCode", "65-001")
                .param("city", "Zielona Góra")
                .param("email", "biuro@fundacja-testowa.example")
                .param("phone", "+48 68 000 00 00")
                .param("website", "https://fundacja-testowa.example/o-nas"));
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(location).matches("/admin/katalog/instytucje/\\d+");

        assertThat(page("/regiony/lubuskie"))
                .contains("Fundacja Testowa „Współpraca” (demo)")
                .contains("ul. Próbna 7, 65-001 Zielona Góra")
                .contains("href=\"mailto:biuro@fundacja-testowa.example\"")
                .contains("href=\"https://fundacja-testowa.example/o-nas\"")
                .contains("+48 68 000 00 00");
        assertThat(page("/admin/katalog/instytucje?region=" + lubuskie.id() + "&kind=PARTNER"))
                .contains("Fundacja Testowa „Współpraca” (demo)");

        assertThat(page(location + "/usun")).contains("Tak, usuń instytucję");
        MockHttpServletResponse deleted = send(post(location + "/usun").param("potwierdzenie", "tak"));
        assertThat(deleted.getStatus()).isEqualTo(302);
        assertThat(deleted.getRedirectedUrl()).isEqualTo("/admin/katalog/instytucje");
        assertThat(page("/regiony/lubuskie")).doesNotContain("Fundacja Testowa");
        assertThat(send(get(location)).getStatus()).isEqualTo(404);

        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(jdbc.sql(
                                "select action from audit_entry where target_type = 'institution' and target_id = :id order by id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("DIRECTORY_INSTITUTION_CREATED", "DIRECTORY_INSTITUTION_DELETED");
    }

    @Test
    void anInvalidInstitutionComesBackWithPolishMessagesEverythingTypedAndNothingSaved() throws Exception {
        long before = count("institution");
        MockHttpServletResponse response = send(post("/admin/katalog/instytucje/nowa")
                .param("kind", "OWES")
                .param("name", "OWES „Niepoprawny”")
                .param("regionId", "")
                .param("postalCode", "65001")
                .param("email", "to nie jest e-mail")
                .param("phone", "zadzwoń")
                .param("website", "javascript:alert(1)"));

        assertThat(response.getStatus()).isEqualTo(422);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("class=\"error-summary\"")
                .contains(
                        "<a href=\"#regionId\">Województwo: wybierz województwo, bo ten rodzaj instytucji działa w województwie.</a>")
                .contains("<a href=\"#postalCode\">Kod pocztowy: wpisz kod pocztowy w formacie 00-000.</a>")
                .contains("<a href=\"#email\">Adres e-mail: wpisz adres e-mail w formacie nazwa@domena.pl.</a>")
                .contains("<a href=\"#phone\">")
                .contains(
                        "<a href=\"#website\">Strona internetowa: wpisz adres strony zaczynający się od https:// lub http://")
                .contains("id=\"email-error\"")
                .contains("value=\"to nie jest e-mail\"")
                .contains("value=\"javascript:alert(1)\"")
                .contains("value=\"OWES „Niepoprawny”\"");
        // The summary lists the errors in the order of the fields.
        assertThat(body.indexOf("href=\"#regionId\"")).isLessThan(body.indexOf("href=\"#email\""));
        assertThat(body.indexOf("href=\"#email\"")).isLessThan(body.indexOf("href=\"#website\""));
        assertThat(count("institution")).isEqualTo(before);
    }

    @Test
    void termsThatEndBeforeTheyStartOrAreNoDatesAreRefused() throws Exception {
        long committees = count("committee");
        MockHttpServletResponse committee = send(post("/admin/katalog/komitety/nowy")
                .param("regionId", "")
                .param("name", "Komitet testowy")
                .param("termStart", "2026-05-01")
                .param("termEnd", "2026-04-30"));
        assertThat(committee.getStatus()).isEqualTo(422);
        assertThat(committee.getContentAsString(StandardCharsets.UTF_8))
                .contains("<a href=\"#termEnd\">Data końcowa: koniec kadencji musi przypadać po jej początku.</a>")
                .contains("value=\"2026-04-30\"");

        MockHttpServletResponse notADate = send(post("/admin/katalog/komitety/nowy")
                .param("name", "")
                .param("termStart", "pierwszego maja")
                .param("termEnd", "2026-04-30"));
        assertThat(notADate.getStatus()).isEqualTo(422);
        // A value that does not convert comes back as typed, beside its field; the other fields are
        // checked once every value converts (Spring validates a form record only then).
        assertThat(notADate.getContentAsString(StandardCharsets.UTF_8))
                .contains("<a href=\"#termStart\">Data początkowa: ta wartość jest niepoprawna.</a>")
                .contains("value=\"pierwszego maja\"");

        MockHttpServletResponse farAway = send(post("/admin/katalog/komitety/nowy")
                .param("name", "Komitet testowy")
                .param("termStart", "2026-01-01")
                .param("termEnd", "+1000000-01-01"));
        assertThat(farAway.getStatus()).isEqualTo(422);
        assertThat(farAway.getContentAsString(StandardCharsets.UTF_8))
                .contains("<a href=\"#termEnd\">Data końcowa: wpisz datę z lat 1900–2999.</a>");
        assertThat(count("committee")).isEqualTo(committees);

        long committeeId = currentCommitteeOf("podlaskie");
        long memberships = count("committee_membership");
        MockHttpServletResponse membership = send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/nowy")
                .param("fullName", "Osoba Testowa")
                .param("sector", "NGO")
                .param("function", "MEMBER")
                .param("termStart", "2026-01-10")
                .param("termEnd", "2026-01-09"));
        assertThat(membership.getStatus()).isEqualTo(422);
        assertThat(membership.getContentAsString(StandardCharsets.UTF_8))
                .contains(
                        "<a href=\"#termEnd\">Data końcowa: ostatni dzień członkostwa nie może przypadać przed jego początkiem.</a>");
        assertThat(count("committee_membership")).isEqualTo(memberships);
    }

    @Test
    void anEndedMembershipLeavesThePublicListOfCurrentMembers() throws Exception {
        long committeeId = currentCommitteeOf("podlaskie");
        String name = "Zofia Kończąca (demo)";
        MockHttpServletResponse added = send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/nowy")
                .param("fullName", name)
                .param("organisation", "Stowarzyszenie Próbne")
                .param("sector", "NGO")
                .param("function", "MEMBER")
                .param("termStart", "2025-01-01")
                .param("termEnd", ""));
        assertThat(added.getStatus()).isEqualTo(302);
        long memberId = jdbc.sql("select id from committee_membership where full_name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
        try {
            assertThat(page("/regiony/podlaskie")).contains(name);
            String committeePage = page("/admin/katalog/komitety/" + committeeId);
            assertThat(committeePage).contains(name).contains("id=\"end-" + memberId + "\"");

            MockHttpServletResponse refused =
                    send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/" + memberId + "/koniec")
                            .param("end", "2024-12-31"));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                    .contains("<a href=\"#end-" + memberId
                            + "\">Ostatni dzień członkostwa nie może przypadać przed jego początkiem.</a>")
                    .contains("value=\"2024-12-31\"");

            LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Warsaw")).minusDays(1);
            MockHttpServletResponse ended =
                    send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/" + memberId + "/koniec")
                            .param("end", yesterday.toString())
                            .param("potwierdzenie", "tak"));
            assertThat(ended.getStatus()).isEqualTo(302);
            assertThat(page("/regiony/podlaskie")).doesNotContain(name);
            String afterEnd = page("/admin/katalog/komitety/" + committeeId);
            assertThat(afterEnd.substring(afterEnd.indexOf("id=\"past-heading\"")))
                    .contains(name)
                    .contains(yesterday.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));

            // Without a date the membership ends today: its last day is today.
            send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/" + memberId + "/koniec")
                    .param("end", "")
                    .param("potwierdzenie", "tak"));
            assertThat(jdbc.sql("select term_end from committee_membership where id = :id")
                            .param("id", memberId)
                            .query(LocalDate.class)
                            .single())
                    .isEqualTo(yesterday.plusDays(1));
            assertThat(jdbc.sql(
                                    "select count(*) from audit_entry where action = 'DIRECTORY_MEMBERSHIP_ENDED' and target_id = :id")
                            .param("id", Long.toString(memberId))
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            jdbc.sql("delete from committee_membership where id = :id")
                    .param("id", memberId)
                    .update();
        }
    }

    @Test
    void aNewMacroregionGetsAnAddressFromItsPolishNameAndACodeIsNotTakenTwice() throws Exception {
        MockHttpServletResponse created = send(post("/admin/katalog/makroregiony/nowy")
                .param("code", "tx1")
                .param("namePl", "Makroregion Łódzko-Świętokrzyski (test)")
                .param("nameEn", "Test macroregion")
                .param("sortOrder", "50"));
        try {
            assertThat(created.getStatus()).isEqualTo(302);
            assertThat(jdbc.sql("select slug from macroregion where code = 'TX1'")
                            .query(String.class)
                            .single())
                    .isEqualTo("makroregion-lodzko-swietokrzyski-test");
            assertThat(page("/makroregiony/makroregion-lodzko-swietokrzyski-test"))
                    .contains("Makroregion Łódzko-Świętokrzyski (test)");

            MockHttpServletResponse taken = send(post("/admin/katalog/makroregiony/nowy")
                    .param("code", "TX1")
                    .param("namePl", "Inny")
                    .param("nameEn", "Other")
                    .param("sortOrder", "abc"));
            assertThat(taken.getStatus()).isEqualTo(422);
            assertThat(taken.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"#sortOrder\"");
            MockHttpServletResponse takenCode = send(post("/admin/katalog/makroregiony/nowy")
                    .param("code", "TX1")
                    .param("namePl", "Inny")
                    .param("nameEn", "Other")
                    .param("sortOrder", "51"));
            assertThat(takenCode.getStatus()).isEqualTo(422);
            assertThat(takenCode.getContentAsString(StandardCharsets.UTF_8))
                    .contains("<a href=\"#code\">Kod: makroregion o tym kodzie już istnieje. Wpisz inny kod.</a>");
        } finally {
            jdbc.sql("delete from macroregion where code = 'TX1'").update();
        }
    }

    @Test
    void onlyAdministratorsReachTheDirectoryAdministration() throws Exception {
        AccountUserDetails editor = (AccountUserDetails) users.loadUserByUsername(EDITOR);
        Region opolskie = directory.region("opolskie").orElseThrow();
        for (String path :
                List.of("/admin/katalog", "/admin/katalog/instytucje", "/admin/katalog/regiony/" + opolskie.id())) {
            assertThat(mvc.perform(get(path).with(user(editor)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isEqualTo(403);
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isBetween(300, 399);
        }
        MockHttpServletResponse refused = mvc.perform(regionForm(opolskie, "nameEn", "Hacked")
                        .with(user(editor))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(directory.region("opolskie").orElseThrow().nameEn()).isEqualTo("Opole");
        // Without the CSRF token even an administrator's change is refused.
        assertThat(mvc.perform(regionForm(opolskie, "nameEn", "Hacked").with(user(administrator)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void oddAddressesAreNotFoundsOrBadRequestsNeverErrors() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/admin/katalog/regiony/abc", 400);
        expected.put("/admin/katalog/regiony/99999999999999999999", 400);
        expected.put("/admin/katalog/regiony/-1", 404);
        expected.put("/admin/katalog/makroregiony/0", 404);
        expected.put("/admin/katalog/instytucje/%3Cscript%3E", 400);
        expected.put("/admin/katalog/komitety/999999", 404);
        expected.put("/admin/katalog/komitety/1/czlonkowie/999999", 404);
        expected.put("/admin/katalog/instytucje?region=%3Cscript%3E&kind=x&page=-3", 200);
        expected.put("/admin/katalog/instytucje?region=brak&page=999999999999", 200);
        for (Map.Entry<String, Integer> entry : expected.entrySet()) {
            MockHttpServletResponse response = send(get(URI.create(entry.getKey())));
            assertThat(response.getStatus()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<script>");
        }
    }

    @Test
    void hostileTextIsStoredOrRefusedNeverAnErrorAndShownEscaped() throws Exception {
        Region lubuskie = directory.region("lubuskie").orElseThrow();
        long committeeId = currentCommitteeOf("lubuskie");
        List<String> hostile = hostileStrings();
        List<Long> institutions = new ArrayList<>();
        List<Long> memberships = new ArrayList<>();
        try {
            for (String text : hostile) {
                MockHttpServletResponse institution = send(post("/admin/katalog/instytucje/nowa")
                        .param("kind", "PARTNER")
                        .param("name", text)
                        .param("regionId", Long.toString(lubuskie.id()))
                        .param("street", text)
                        .param("city", text));
                assertThat(institution.getStatus()).as(text).isIn(302, 422);
                if (institution.getStatus() == 302) {
                    String location = institution.getRedirectedUrl();
                    institutions.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
                }
                MockHttpServletResponse member =
                        send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/nowy")
                                .param("fullName", text)
                                .param("organisation", text)
                                .param("sector", "NGO")
                                .param("function", "MEMBER")
                                .param("termStart", "2025-01-01"));
                assertThat(member.getStatus()).as(text).isIn(302, 422);
            }
            for (String text : hostile.subList(0, OWN_STRINGS)) {
                MockHttpServletResponse everyField = send(post("/admin/katalog/instytucje/nowa")
                        .param("kind", text)
                        .param("name", text)
                        .param("regionId", text)
                        .param("street", text)
                        .param("postalCode", text)
                        .param("city", text)
                        .param("email", text)
                        .param("phone", text)
                        .param("website", text));
                assertThat(everyField.getStatus()).as(text).isEqualTo(422);
                assertThat(everyField.getContentAsString(StandardCharsets.UTF_8))
                        .as(text)
                        .doesNotContain(SCRIPT);
                MockHttpServletResponse member =
                        send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/nowy")
                                .param("fullName", text)
                                .param("sector", text)
                                .param("function", text)
                                .param("termStart", text)
                                .param("termEnd", text));
                assertThat(member.getStatus()).as(text).isEqualTo(422);
                MockHttpServletResponse end = send(post("/admin/katalog/komitety/" + committeeId + "/czlonkowie/"
                                + currentMemberOf(committeeId) + "/koniec")
                        .param("end", text));
                assertThat(end.getStatus()).as(text).isEqualTo(text.isBlank() ? 302 : 422);
            }
            memberships.addAll(jdbc.sql(
                            "select id from committee_membership where committee_id = :c and organisation is not distinct from full_name")
                    .param("c", committeeId)
                    .query(Long.class)
                    .list());
            assertThat(institutions).as("institutions saved").isNotEmpty();

            String regionPage = page("/regiony/lubuskie");
            assertThat(regionPage)
                    .doesNotContain(SCRIPT)
                    .doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            for (String path : List.of(
                    "/admin/katalog/instytucje?region=" + lubuskie.id(),
                    "/admin/katalog/komitety/" + committeeId,
                    "/admin/katalog/instytucje/" + institutions.getLast())) {
                assertThat(page(path)).as(path).doesNotContain(SCRIPT);
            }
        } finally {
            for (long id : institutions) {
                jdbc.sql("delete from institution where id = :id")
                        .param("id", id)
                        .update();
            }
            for (long id : memberships) {
                jdbc.sql("delete from committee_membership where id = :id")
                        .param("id", id)
                        .update();
            }
        }
        assertThat(page("/regiony/lubuskie")).doesNotContain(SCRIPT);
    }

    @Test
    void hostileRegionNamesAreEscapedOnThePublicPagesAndTheMap() throws Exception {
        Region opolskie = directory.region("opolskie").orElseThrow();
        try {
            assertThat(send(regionForm(opolskie, "nameEn", SCRIPT, "seat", "\"><svg onload=alert(1)>"))
                            .getStatus())
                    .isEqualTo(302);
            for (String path : List.of(
                    "/regiony/opolskie?lang=en",
                    "/regiony?lang=en",
                    "/makroregiony/poludniowo-zachodni?lang=en",
                    "/admin/katalog?lang=en")) {
                String body = page(path);
                assertThat(body)
                        .as(path)
                        .doesNotContain(SCRIPT)
                        .doesNotContain("<svg onload")
                        .contains("&lt;script&gt;");
            }
            MockHttpServletResponse tooLong = send(regionForm(opolskie, "nameEn", "a".repeat(10_000)));
            assertThat(tooLong.getStatus()).isEqualTo(422);
            assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains("Ten tekst jest za długi.");
            MockHttpServletResponse blank = send(regionForm(opolskie, "nameEn", " \t ", "seat", ""));
            assertThat(blank.getStatus()).isEqualTo(422);
            assertThat(blank.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Wpisz nazwę po angielsku.")
                    .contains("Wpisz siedzibę samorządu województwa.");
        } finally {
            restore(opolskie);
        }
    }

    /** Our own hostile strings come first in {@link #hostileStrings()}; this many. */
    private static final int OWN_STRINGS = 14;

    /** The strings of the Big List of Naughty Strings, after Polish cases and extremes of our own. */
    private static List<String> hostileStrings() throws IOException {
        List<String> strings = new ArrayList<>(List.of(
                SCRIPT,
                "<img src=x onerror=alert(1)>",
                "\"><script>alert(1)</script>",
                "javascript:alert(1)",
                "'; drop table institution; --",
                "ZAŻÓŁĆ GĘŚLĄ JAŹŃ",
                "za\u0328z\u0307o\u0301\u0142c\u0301",
                "ZAĹ»Ă“ĹĆ",
                "a".repeat(10_000),
                "\u0000null\u0000",
                "line\r\nbreak",
                "\uD83D\uDE00".repeat(100),
                "\u202Ekcatta\u202C",
                "Zażółć" + "ę".repeat(295)));
        strings.addAll(NaughtyStrings.corpus());
        return strings;
    }

    /** The region's edit form as stored, with some fields changed: name, value, name, value… */
    private MockHttpServletRequestBuilder regionForm(Region region, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("namePl", region.namePl());
        fields.put("nameEn", region.nameEn());
        fields.put("seat", region.seat());
        fields.put("macroregionId", Long.toString(region.macroregion().id()));
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/admin/katalog/regiony/" + region.id());
        fields.forEach(request::param);
        return request;
    }

    /** Saves the region's former values through the application, so that the pages' cached regions and maps follow. */
    private void restore(Region region) throws Exception {
        assertThat(send(regionForm(region)).getStatus()).isEqualTo(302);
        assertThat(directory.region(region.slug())).contains(region);
    }

    private long currentCommitteeOf(String slug) {
        return profiles.regionProfile(slug)
                .orElseThrow()
                .committee()
                .orElseThrow()
                .id();
    }

    private long currentMemberOf(long committeeId) {
        return jdbc.sql("select min(id) from committee_membership where committee_id = :c and term_end is null")
                .param("c", committeeId)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Sends a request as the demo administrator, with the CSRF token a form carries. */
    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(administrator)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    /** A page as the administrator sees it; it must answer 200. */
    private String page(String path) throws Exception {
        MockHttpServletResponse response = send(get(URI.create(path)));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
