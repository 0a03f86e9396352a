package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.InvitePersonForm;
import pl.koordes.accounts.PeopleManagement;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The people administration over real HTTP, signed in for real as the demo administrator (password and
 * TOTP): the list with search, filters and pages; inviting; roles; deactivation ending sessions.
 */
@IntegrationTest
class PeopleAdministrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleManagement people;

    SentInvitations invitations;

    SignedInClient admin;

    @BeforeEach
    void signIn() {
        admin = AdminSession.administrator(port);
        invitations = new SentInvitations(jdbc);
    }

    @Test
    void theDashboardLinksToEverySection() {
        HttpResponse<String> dashboard = admin.get("/admin");

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body())
                .contains("<h1>Panel administracyjny</h1>")
                .contains(
                        "href=\"/admin/osoby\"",
                        "href=\"/admin/osoby/zapros\"",
                        "href=\"/admin/dziennik\"",
                        "href=\"/admin/katalog\"",
                        "href=\"/admin/poczta\"");
        assertThat(admin.get("/admin?lang=en").body()).contains("<h1>Administration</h1>");
        admin.get("/admin?lang=pl");
    }

    @Test
    void thePeopleListShowsNamesEmailsStatusRolesWithRegionsAndLastSignIn() {
        String body = admin.get("/admin/osoby?szukaj=demo.koordes").body();

        assertThat(body)
                .contains(
                        "Znaleziono 10 osób.",
                        "Ada Administracyjna",
                        "administrator@demo.koordes.example",
                        "Aktywna",
                        "Koordynator regionalny (województwo małopolskie)",
                        "Koordynator regionalny (województwo śląskie)");
        // The administrator has just signed in: the time is shown as dd.MM.yyyy HH:mm.
        assertThat(row(body, "administrator@demo.koordes.example"))
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
    }

    @Test
    void searchIgnoresCaseAndPolishLetters() {
        assertThat(admin.get("/admin/osoby?szukaj=" + AdminSession.encode("UCZESTNICZĄCA"))
                        .body())
                .contains("Urszula Uczestnicząca", "Znaleziono 1 osobę.")
                .doesNotContain("administrator@demo.koordes.example");
        assertThat(admin.get("/admin/osoby?szukaj=uczestniczaca").body()).contains("Urszula Uczestnicząca");
        people.invitePerson(
                new InvitePersonForm(
                        "lucja.zolkiewska@example.org",
                        "Łucja Żółkiewska-Ćwięk",
                        "pl",
                        List.of("PARTICIPANT"),
                        List.of("")),
                administratorUser());
        for (String search : List.of("ŁUCJA ŻÓŁKIEWSKA", "łucja żółkiewska", "lucja zolkiewska-cwiek", "ĆWIĘK")) {
            assertThat(admin.get("/admin/osoby?szukaj=" + AdminSession.encode(search))
                            .body())
                    .as(search)
                    .contains("Łucja Żółkiewska-Ćwięk", "Znaleziono 1 osobę.");
        }
        assertThat(admin.get("/admin/osoby?szukaj=" + AdminSession.encode("ŻÓŁKIEWSKA ŁĄKA"))
                        .body())
                .contains("Nie znaleziono nikogo.");
        assertThat(admin.get("/admin/osoby?szukaj=REDAKTOR%40DEMO").body())
                .contains("Roman Redakcyjny")
                .contains("Znaleziono 1 osobę.");
        // LIKE's own characters are taken literally.
        assertThat(admin.get("/admin/osoby?szukaj=lucja%25cwiek").body()).contains("Nie znaleziono nikogo.");
        assertThat(admin.get("/admin/osoby?szukaj=l_cja").body()).contains("Nie znaleziono nikogo.");
    }

    @Test
    void filtersByRoleRegionAndStatus() {
        String coordinators =
                admin.get("/admin/osoby?rola=REGIONAL_COORDINATOR").body();
        assertThat(coordinators)
                .contains("Kinga Koordynacyjna", "Stefan Koordynacyjny")
                .doesNotContain("Roman Redakcyjny");

        String lesserPoland = admin.get("/admin/osoby?region=malopolskie").body();
        assertThat(lesserPoland)
                .contains("Kinga Koordynacyjna", "Kamila Komitetowa")
                .doesNotContain("Stefan Koordynacyjny");

        String silesianCoordinators = admin.get("/admin/osoby?rola=REGIONAL_COORDINATOR&region=slaskie")
                .body();
        assertThat(silesianCoordinators).contains("Stefan Koordynacyjny").doesNotContain("Kinga Koordynacyjna");

        String invited =
                admin.get("/admin/osoby?status=INVITED&szukaj=koordes.example").body();
        assertThat(invited).doesNotContain("administrator@demo.koordes.example").contains("admin@koordes.example");

        // Values no select offers are ignored or find nobody, never an error.
        assertThat(admin.get("/admin/osoby?rola=KING&status=X&strona=-3").statusCode())
                .isEqualTo(200);
        assertThat(admin.get("/admin/osoby?region=atlantyda").body()).contains("Nie znaleziono nikogo.");
    }

    @Test
    void longListsArePagedKeepingTheFilters() {
        CurrentUser actor = administratorUser();
        for (int i = 1; i <= 27; i++) {
            people.invitePerson(
                    new InvitePersonForm(
                            "stronicowanie" + i + "@example.org",
                            "Stronicowanie %02d".formatted(i),
                            "pl",
                            List.of("PARTICIPANT"),
                            List.of("")),
                    actor);
        }

        String first = admin.get("/admin/osoby?szukaj=stronicowanie").body();
        assertThat(first)
                .contains("Znaleziono 27 osób.", "Stronicowanie 01", "Stronicowanie 25")
                .doesNotContain("Stronicowanie 26")
                .contains("href=\"/admin/osoby?szukaj=stronicowanie&amp;strona=2\"");
        String second = admin.get("/admin/osoby?szukaj=stronicowanie&strona=2").body();
        assertThat(second).contains("Stronicowanie 26", "Stronicowanie 27").doesNotContain("Stronicowanie 25");
        assertThat(admin.get("/admin/osoby?szukaj=stronicowanie&strona=99999999")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void invitingCreatesAnInvitedAccountWithRolesAuditAndMail() {
        admin.get("/admin/osoby/zapros");
        HttpResponse<String> answer = admin.post(
                "/admin/osoby/zapros",
                "email",
                "Zofia.Zdzblo@Example.PL",
                "displayName",
                "Zofia Źdźbło",
                "language",
                "en",
                "role",
                "REGIONAL_COORDINATOR",
                "region",
                "malopolskie",
                "role",
                "EXPERT",
                "region",
                "",
                "role",
                "",
                "region",
                "");

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = SignedInClient.location(answer);
        assertThat(location).matches("/admin/osoby/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(admin.get(location).body())
                .contains("Zaproszenie zostało wysłane na adres Zofia.Zdzblo@Example.PL.")
                .contains("Zofia Źdźbło", "Zaproszona");

        Map<String, Object> account = jdbc.sql("select status, language, password_hash from account where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(account)
                .containsEntry("status", "INVITED")
                .containsEntry("language", "en")
                .containsEntry("password_hash", null);
        assertThat(jdbc.sql(
                                "select role || ':' || coalesce(r.slug, '') from role_assignment a left join region r on r.id = a.region_id"
                                        + " where account_id = :id order by 1")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("EXPERT:", "REGIONAL_COORDINATOR:malopolskie");
        assertThat(jdbc.sql(
                                "select count(*) from account_token where account_id = :id and purpose = 'INVITATION' and used_at is null"
                                        + " and expires_at > now() + interval '6 days'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select after_value::text from audit_entry where action = 'PERSON_INVITED' and target_id = :id")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .single())
                .contains("\"REGIONAL_COORDINATOR:malopolskie\"", "\"EXPERT\"", "\"INVITED\"");

        SentInvitations.Sent mail = invitations.awaitNumber(1, "Zofia.Zdzblo@Example.PL");
        // In the invitee's language, naming who invited them, the roles and how long the link works.
        assertThat(mail.subject()).isEqualTo("Invitation to the KoordES platform");
        assertThat(mail.textBody())
                .contains(
                        "Hello,",
                        "Ada Administracyjna invites you",
                        "Your roles: Expert, Regional coordinator (Lesser Poland Voivodeship).")
                .containsPattern("until \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}")
                .contains("http://localhost:" + port + "/zaproszenie?token=");
        // The link in the e-mail opens the page where the invitee sets a password.
        assertThat(new SignedInClient(port).get(mail.path()).body()).contains("Zofia Źdźbło");

        // Sending again replaces the link: the first one stops working.
        admin.get(location);
        assertThat(admin.post(location + "/zaproszenie").statusCode()).isEqualTo(302);
        assertThat(admin.get(location).body()).contains("Nowe zaproszenie zostało wysłane");
        SentInvitations.Sent again = invitations.awaitNumber(2, "Zofia.Zdzblo@Example.PL");
        assertThat(again.path()).isNotEqualTo(mail.path());
        assertThat(new SignedInClient(port).get(mail.path()).statusCode()).isEqualTo(410);
        assertThat(new SignedInClient(port).get(again.path()).statusCode()).isEqualTo(200);
    }

    @Test
    void aDuplicateEmailIsRefusedBesideTheFieldAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from account").query(Long.class).single();

        admin.get("/admin/osoby/zapros");
        HttpResponse<String> answer = admin.post(
                "/admin/osoby/zapros",
                "email",
                "  ADMINISTRATOR@Demo.Koordes.Example ",
                "displayName",
                "Ktoś Inny",
                "language",
                "pl",
                "role",
                "EDITOR",
                "region",
                "");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("class=\"error-summary\"", "href=\"#email\"")
                .contains("class=\"field has-error\"")
                .contains("id=\"email-error\"")
                .contains("Konto z tym adresem e-mail już istnieje.")
                .contains("value=\"Ktoś Inny\"");
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single())
                .isEqualTo(before);
        assertThat(invitations.countTo("  ADMINISTRATOR@Demo.Koordes.Example ".strip()))
                .isZero();
    }

    @Test
    void theInvitationFormExplainsEachMistake() {
        admin.get("/admin/osoby/zapros");
        HttpResponse<String> empty = admin.post(
                "/admin/osoby/zapros", "email", "", "displayName", "", "language", "pl", "role", "", "region", "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Wpisz adres e-mail.", "Wpisz imię i nazwisko.");

        HttpResponse<String> tooLong = admin.post(
                "/admin/osoby/zapros",
                "email",
                "a".repeat(250) + "@example.org",
                "displayName",
                "Ż".repeat(201),
                "language",
                "pl",
                "role",
                "EDITOR",
                "region",
                "");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body())
                .contains("Imię i nazwisko może mieć najwyżej 200 znaków.")
                .contains("id=\"email-error\"");

        HttpResponse<String> noRegion = admin.post(
                "/admin/osoby/zapros",
                "email",
                "bez.regionu@example.org",
                "displayName",
                "Bez Regionu",
                "language",
                "pl",
                "role",
                "COMMITTEE_MEMBER",
                "region",
                "");
        assertThat(noRegion.statusCode()).isEqualTo(422);
        assertThat(noRegion.body()).contains("Koordynator regionalny i członek RKRES muszą mieć wybrane województwo.");

        HttpResponse<String> notAscii = admin.post(
                "/admin/osoby/zapros",
                "email",
                "łucja@example.pl",
                "displayName",
                "Łucja",
                "language",
                "pl",
                "role",
                "EDITOR",
                "region",
                "");
        assertThat(notAscii.statusCode()).isEqualTo(422);
        assertThat(notAscii.body()).contains("Wpisz poprawny adres e-mail");

        List<String> manyRows = new ArrayList<>(
                List.of("email", "wiele.rol@example.org", "displayName", "Wiele Ról", "language", "pl"));
        for (int i = 0; i < 25; i++) {
            manyRows.addAll(List.of("role", "EXPERT", "region", ""));
        }
        HttpResponse<String> tooManyRows = admin.post("/admin/osoby/zapros", manyRows.toArray(String[]::new));
        assertThat(tooManyRows.statusCode()).isEqualTo(422);
        assertThat(tooManyRows.body())
                .contains("Jedno zaproszenie może zawierać najwyżej 20 ról.", "href=\"#roles\"")
                .contains("id=\"role-20\"")
                .doesNotContain("id=\"role-21\"");

        HttpResponse<String> noRole = admin.post(
                "/admin/osoby/zapros",
                "email",
                "bez.roli@example.org",
                "displayName",
                "Bez Roli",
                "language",
                "pl",
                "role",
                "",
                "region",
                "");
        assertThat(noRole.body()).contains("Wybierz co najmniej jedną rolę.");
        assertThat(jdbc.sql(
                                "select count(*) from account where email in ('bez.regionu@example.org', 'bez.roli@example.org', 'wiele.rol@example.org')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void roleChangesAreAuditedWithValuesBeforeAndAfter() {
        long id = people.invitePerson(
                new InvitePersonForm(
                        "role.zmiany@example.org", "Rola Zmienna", "pl", List.of("PARTICIPANT"), List.of("")),
                administratorUser());
        String page = "/admin/osoby/" + id;

        HttpResponse<String> missingRegion =
                admin.submit(page, page + "/role", "role", "COMMITTEE_MEMBER", "region", "");
        assertThat(missingRegion.statusCode()).isEqualTo(422);
        assertThat(missingRegion.body()).contains("id=\"region-error\"");

        assertThat(admin.submit(page, page + "/role", "role", "COMMITTEE_MEMBER", "region", "slaskie")
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Rola została nadana.");
        assertThat(auditOf(id, "ROLE_GRANTED"))
                .containsExactly(
                        "{\"roles\": [\"PARTICIPANT\"]}",
                        "{\"roles\": [\"COMMITTEE_MEMBER:slaskie\", \"PARTICIPANT\"]}");

        assertThat(admin.submit(
                                page,
                                page + "/role/odbierz",
                                "role",
                                "PARTICIPANT",
                                "region",
                                "",
                                "potwierdzenie",
                                "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(auditOf(id, "ROLE_REVOKED"))
                .containsExactly(
                        "{\"roles\": [\"COMMITTEE_MEMBER:slaskie\", \"PARTICIPANT\"]}",
                        "{\"roles\": [\"COMMITTEE_MEMBER:slaskie\"]}");
        String changed = admin.get(page).body();
        assertThat(changed).contains("Rola została odebrana.", "Odebranie roli", "Nadanie roli");
        String auditLog = admin.get("/admin/dziennik?akcja=ROLE_REVOKED").body();
        assertThat(auditLog).contains("Rola Zmienna").contains("→");
    }

    @Test
    void anAdministratorKeepsTheirOwnAccountAndRole() {
        long self = administratorUser().id();
        String page = "/admin/osoby/" + self;

        assertThat(admin.get(page).body()).doesNotContain("/dezaktywuj").contains("Nie możesz odebrać sobie tej roli.");
        assertThat(admin.submit(page, page + "/dezaktywuj", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Nie możesz dezaktywować własnego konta.");
        assertThat(admin.submit(
                                page,
                                page + "/role/odbierz",
                                "role",
                                "ADMINISTRATOR",
                                "region",
                                "",
                                "potwierdzenie",
                                "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(admin.get(page).body()).contains("Nie możesz odebrać sobie roli administratora.");

        assertThat(jdbc.sql("select status from account where id = :id")
                        .param("id", self)
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select count(*) from role_assignment where account_id = :id and role = 'ADMINISTRATOR'")
                        .param("id", self)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void deactivationEndsTheSessionsOfThePersonAndReactivationLetsThemBack() {
        SignedInClient participant = AdminSession.signedIn(port, DemoAccounts.PARTICIPANT);
        assertThat(participant.get("/konto").statusCode()).isEqualTo(200);
        long id = jdbc.sql("select id from account where email = :email")
                .param("email", DemoAccounts.PARTICIPANT)
                .query(Long.class)
                .single();
        String page = "/admin/osoby/" + id;
        // Other test classes may have left sessions of the same demo person; every one of them ends.
        long sessions = jdbc.sql("select count(*) from spring_session where principal_name = :id")
                .param("id", Long.toString(id))
                .query(Long.class)
                .single();
        assertThat(sessions).isPositive();
        try {
            assertThat(admin.submit(page, page + "/dezaktywuj", "potwierdzenie", "tak")
                            .statusCode())
                    .isEqualTo(302);
            assertThat(admin.get(page).body()).contains("Konto zostało dezaktywowane", "Dezaktywowana");

            HttpResponse<String> next = participant.get("/konto");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(SignedInClient.location(next)).startsWith("/logowanie");
            assertThat(participant.get("/").body()).doesNotContain("Urszula Uczestnicząca");
            assertThat(auditOf(id, "PERSON_DEACTIVATED"))
                    .containsExactly(
                            "{\"status\": \"ACTIVE\"}",
                            "{\"status\": \"DEACTIVATED\", \"sessionsEnded\": " + sessions + "}");
            assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :id")
                            .param("id", Long.toString(id))
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            admin.submit(page, page + "/aktywuj");
        }
        assertThat(jdbc.sql("select status from account where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("ACTIVE");
        assertThat(AdminSession.signedIn(port, DemoAccounts.PARTICIPANT)
                        .get("/konto")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownPeopleAndMalformedAddressesAreNotFoundOrBadRequests() {
        assertThat(admin.get("/admin/osoby/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/osoby/abc").statusCode()).isEqualTo(400);
        assertThat(admin.get("/admin/osoby/99999999999999999999999").statusCode())
                .isEqualTo(400);
        admin.get("/admin/osoby");
        assertThat(admin.post("/admin/osoby/999999999/dezaktywuj", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(404);
    }

    private List<String> auditOf(long id, String action) {
        return jdbc.sql("""
                        select before_value::text as b, after_value::text as a from audit_entry
                        where action = :action and target_id = :id order by id desc limit 1
                        """)
                .param("action", action)
                .param("id", Long.toString(id))
                .query((rs, n) -> List.of(rs.getString("b"), rs.getString("a")))
                .single();
    }

    private CurrentUser administratorUser() {
        long id = jdbc.sql("select id from account where email = :email")
                .param("email", DemoAccounts.ADMINISTRATOR)
                .query(Long.class)
                .single();
        return new CurrentUser(id, DemoAccounts.ADMINISTRATOR, "Ada Administracyjna", List.of(), "pl");
    }

    private static String row(String body, String text) {
        int at = body.indexOf(text);
        return body.substring(body.lastIndexOf("<tr>", at), body.indexOf("</tr>", at));
    }
}
