package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * A region's coordinator asks for advice (the operators are told), changes the request (a stale change is a
 * conflict that keeps the typed text), withdraws it; a request made from a need links both ways; the
 * coordinator rates a completed case once and the expert is told; the list filters and counts; nobody else
 * reads a case. Real HTTP requests as the demo accounts.
 */
@IntegrationTest
class RequestsIntegrationTests {

    private static final String PREFIX = "Test wniosku";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RequestsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new RequestsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void aRequestIsMadeChangedAndWithdrawnByItsRegion() {
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.1");
        long topic = testing.topic();
        HttpResponse<String> form = coordinator.get("/doradztwo/nowy");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Poproś o doradztwo")
                .contains("name=\"_once\"")
                .contains("małopolskie");

        HttpResponse<String> empty = coordinator.post("/doradztwo/nowy", "kind", "GROUP");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body())
                .contains("Wpisz tytuł.")
                .contains("Opisz potrzebę.")
                .contains("Wybierz temat.");

        String title = PREFIX + ": monitoring wskaźników";
        HttpResponse<String> created = coordinator.post(
                "/doradztwo/nowy",
                "topicId",
                String.valueOf(topic),
                "title",
                title,
                "description",
                "Potrzebujemy pomocy z nowymi wskaźnikami.",
                "kind",
                "GROUP",
                "mode",
                "IN_PERSON",
                "preferredDates",
                "Wtorki rano",
                "peopleConcerned",
                "Zespół ROPS");
        assertThat(created.statusCode()).isEqualTo(302);
        long id = RequestsTesting.idOf(SignedInClient.location(created));
        assertThat(testing.status(id)).isEqualTo("SUBMITTED");
        assertThat(testing.audit("ADVISORY_REQUESTED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select region_id from advisory_request where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(testing.region("malopolskie"));
        String page = coordinator.get("/doradztwo/" + id).body();
        assertThat(page)
                .contains("Wniosek złożono.")
                .contains(title)
                .contains("Doradztwo grupowe")
                .contains("Wtorki rano")
                .contains("href=\"/doradztwo/" + id + "/edycja\"")
                .contains("href=\"/doradztwo/" + id + "/wycofaj\"");
        // The operators are told, in the application and by e-mail; the coordinator is not.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notices(DemoAccounts.EDITOR, "advisory-requested", id)).isEqualTo(1);
            assertThat(jdbc.sql("""
                            select count(*) from notifications_dev_mailbox
                            where recipient = :to and kind = 'advisoryRequested' and text_body like :t
                            """)
                            .param("to", DemoAccounts.EDITOR)
                            .param("t", "%" + title + "%")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        });
        assertThat(notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "advisory-requested", id))
                .isZero();

        // The list shows it with its status; the header has the link.
        String list = coordinator.get("/doradztwo?status=zlozone").body();
        assertThat(list).contains(title).contains("href=\"/doradztwo\"").contains("Złożone");

        // The committee member changes it; the coordinator's form, read before, is then stale.
        HttpResponse<String> edit = coordinator.get("/doradztwo/" + id + "/edycja");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("name=\"version\" value=\"0\"");
        SignedInClient committee = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.29.2");
        committee.get("/doradztwo/" + id + "/edycja");
        HttpResponse<String> saved = committee.post(
                "/doradztwo/" + id + "/edycja",
                "topicId",
                String.valueOf(topic),
                "title",
                title,
                "description",
                "Opis poprawiony przez komitet.",
                "kind",
                "INDIVIDUAL",
                "mode",
                "ONLINE",
                "version",
                "0");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(testing.audit("ADVISORY_REQUEST_UPDATED", id)).isEqualTo(1);
        HttpResponse<String> stale = coordinator.post(
                "/doradztwo/" + id + "/edycja",
                "topicId",
                String.valueOf(topic),
                "title",
                title,
                "description",
                "Mój tekst wpisany przed chwilą.",
                "kind",
                "GROUP",
                "mode",
                "ONLINE",
                "version",
                "0");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("Ktoś zmienił ten wniosek w międzyczasie.")
                .contains("Mój tekst wpisany przed chwilą.")
                .contains("name=\"version\" value=\"1\"");
        assertThat(jdbc.sql("select description from advisory_request where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Opis poprawiony przez komitet.");

        // Withdrawing asks first, needs a reason, and then nothing can be changed.
        HttpResponse<String> question = coordinator.get("/doradztwo/" + id + "/wycofaj");
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("Wycofać wniosek o doradztwo?").contains("potwierdzenie");
        HttpResponse<String> unconfirmed =
                coordinator.post("/doradztwo/" + id + "/wycofaj", "reason", "Bez potwierdzenia");
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(unconfirmed)).endsWith("/doradztwo/" + id + "/wycofaj");
        assertThat(testing.status(id)).isEqualTo("SUBMITTED");
        HttpResponse<String> noReason =
                coordinator.post("/doradztwo/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", " ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Podaj powód wycofania.");
        HttpResponse<String> withdrawn = coordinator.post(
                "/doradztwo/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Rozwiązaliśmy to sami.");
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("WITHDRAWN");
        assertThat(testing.audit("ADVISORY_REQUEST_WITHDRAWN", id)).isEqualTo(1);
        assertThat(coordinator.get("/doradztwo/" + id).body())
                .contains("Wycofane")
                .contains("Powód wycofania")
                .contains("Rozwiązaliśmy to sami.")
                .doesNotContain("href=\"/doradztwo/" + id + "/edycja\"");
        assertThat(coordinator.get("/doradztwo/" + id + "/edycja").statusCode()).isEqualTo(409);
        HttpResponse<String> again =
                coordinator.post("/doradztwo/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Jeszcze raz.");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("Wniosek można zmienić lub wycofać tylko wtedy");
        assertThat(testing.audit("ADVISORY_REQUEST_WITHDRAWN", id)).isEqualTo(1);
    }

    @Test
    void theOperatorRequestsOnARegionsBehalfAndMustChooseIt() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.29.3");
        assertThat(editor.get("/doradztwo/nowy").body()).contains("id=\"regionId\"");
        String title = PREFIX + ": w imieniu regionu";
        String[] fields = {
            "topicId", String.valueOf(testing.topic()),
            "title", title,
            "description", "Opis",
            "kind", "INDIVIDUAL",
            "mode", "ONLINE"
        };
        HttpResponse<String> noRegion = editor.post("/doradztwo/nowy", fields);
        assertThat(noRegion.statusCode()).isEqualTo(422);
        assertThat(noRegion.body()).contains("Wybierz województwo.");
        HttpResponse<String> created =
                editor.post("/doradztwo/nowy", concat(fields, "regionId", String.valueOf(testing.region("lubelskie"))));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = RequestsTesting.idOf(SignedInClient.location(created));
        assertThat(jdbc.sql("select region_id from advisory_request where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(testing.region("lubelskie"));
        // A coordinator cannot ask for another region by changing the id.
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.29.4");
        coordinator.get("/doradztwo/nowy");
        HttpResponse<String> otherRegion = coordinator.post(
                "/doradztwo/nowy", concat(fields, "regionId", String.valueOf(testing.region("malopolskie"))));
        assertThat(otherRegion.statusCode()).isEqualTo(422);
        assertThat(otherRegion.body()).contains("Wybierz województwo, w którego imieniu możesz złożyć wniosek.");
    }

    @Test
    void aRequestFromANeedLinksBothWaysUntilWithdrawn() {
        long need = jdbc.sql("""
                        insert into surveys_need (topic, region_id, description, created_at, updated_at)
                        values (:topic, :region, 'Gminy pytają o klauzule społeczne.', now(), now()) returning id
                        """)
                .param("topic", PREFIX + ": potrzeba klauzul")
                .param("region", testing.region("malopolskie"))
                .query(Long.class)
                .single();
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.5");
        String needPage = coordinator.get("/potrzeby/" + need).body();
        assertThat(needPage).contains("href=\"/doradztwo/nowy?potrzeba=" + need + "\"");
        HttpResponse<String> form = coordinator.get("/doradztwo/nowy?potrzeba=" + need);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("value=\"" + PREFIX + ": potrzeba klauzul\"")
                .contains("Gminy pytają o klauzule społeczne.")
                .contains("name=\"needId\" value=\"" + need + "\"")
                .contains("href=\"/potrzeby/" + need + "\"");
        HttpResponse<String> created = coordinator.post(
                "/doradztwo/nowy",
                "topicId",
                String.valueOf(testing.topic()),
                "title",
                PREFIX + ": potrzeba klauzul",
                "description",
                "Gminy pytają o klauzule społeczne.",
                "kind",
                "INDIVIDUAL",
                "mode",
                "ONLINE",
                "needId",
                String.valueOf(need));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = RequestsTesting.idOf(SignedInClient.location(created));
        assertThat(jdbc.sql("select need_id from advisory_request where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(need);
        assertThat(linked(need, id)).isEqualTo(1);
        assertThat(testing.audit("NEED_LINKED", need)).isEqualTo(1);
        assertThat(jdbc.sql("select status from surveys_need where id = :id")
                        .param("id", need)
                        .query(String.class)
                        .single())
                .isEqualTo("PLANNED");
        assertThat(coordinator.get("/doradztwo/" + id).body())
                .contains("Odpowiada na potrzebę z ankiet")
                .contains("href=\"/potrzeby/" + need + "\"");
        assertThat(coordinator.get("/potrzeby/" + need).body()).contains("href=\"/doradztwo/" + id + "\"");

        coordinator.get("/doradztwo/" + id + "/wycofaj");
        assertThat(coordinator
                        .post("/doradztwo/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Niepotrzebne.")
                        .statusCode())
                .isEqualTo(302);
        assertThat(linked(need, id)).isZero();
        assertThat(jdbc.sql("select status from surveys_need where id = :id")
                        .param("id", need)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");

        // A need of another region does not become this region's request.
        long other = jdbc.sql("""
                        insert into surveys_need (topic, region_id, description, created_at, updated_at)
                        values (:topic, :region, 'Opis', now(), now()) returning id
                        """)
                .param("topic", PREFIX + ": potrzeba innego regionu")
                .param("region", testing.region("slaskie"))
                .query(Long.class)
                .single();
        coordinator.get("/doradztwo/nowy?potrzeba=" + other);
        HttpResponse<String> refused = coordinator.post(
                "/doradztwo/nowy",
                "topicId",
                String.valueOf(testing.topic()),
                "title",
                PREFIX + ": potrzeba innego regionu",
                "description",
                "Opis",
                "kind",
                "INDIVIDUAL",
                "mode",
                "ONLINE",
                "needId",
                String.valueOf(other));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Potrzeba dotyczy innego województwa niż wybrane.");
        assertThat(coordinator.get("/doradztwo/nowy?potrzeba=999999999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCoordinatorRatesACompletedCaseOnceAndTheExpertIsTold() {
        long id = testing.insertCase("malopolskie", "COMPLETED", PREFIX + ": do oceny", DemoAccounts.EXPERT);
        SignedInClient committee = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.29.6");
        assertThat(committee.get("/doradztwo/" + id).body()).doesNotContain("Oceń doradztwo");
        assertThat(committee.post("/doradztwo/" + id + "/ocena", "rating", "5").statusCode())
                .isEqualTo(403);
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.7");
        String page = coordinator.get("/doradztwo/" + id).body();
        assertThat(page).contains("Oceń doradztwo").contains("<fieldset").contains("name=\"rating\" value=\"5\"");
        HttpResponse<String> invalid =
                coordinator.post("/doradztwo/" + id + "/ocena", "rating", "7", "ratingComment", "Mój komentarz");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Wybierz ocenę od 1 do 5.").contains("Mój komentarz");
        HttpResponse<String> rated =
                coordinator.post("/doradztwo/" + id + "/ocena", "rating", "4", "ratingComment", "Bardzo konkretnie.");
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(testing.audit("ADVISORY_RATED", id)).isEqualTo(1);
        HttpResponse<String> twice = coordinator.post("/doradztwo/" + id + "/ocena", "rating", "1");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select rating from advisory_request where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.29.8");
        assertThat(expert.get("/doradztwo/" + id).body())
                .contains("Ocena: 4 z 5")
                .contains("Bardzo konkretnie.")
                .doesNotContain("Oceń doradztwo");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(notices(DemoAccounts.EXPERT, "advisory-rated", id))
                        .isEqualTo(1));
        // A case that is not completed cannot be rated.
        long open = testing.insertCase("malopolskie", "IN_PROGRESS", PREFIX + ": w trakcie", null);
        assertThat(coordinator
                        .post("/doradztwo/" + open + "/ocena", "rating", "3")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void theListShowsEachPersonTheirCasesWithFiltersAndCounts() {
        long submitted = testing.insertCase("malopolskie", "SUBMITTED", PREFIX + ": złożona małopolska", null);
        long completed =
                testing.insertCase("malopolskie", "COMPLETED", PREFIX + ": zakończona małopolska", DemoAccounts.EXPERT);
        long silesian = testing.insertCase("slaskie", "IN_PROGRESS", PREFIX + ": śląska", DemoAccounts.EXPERT_OTHER);

        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.29.9");
        String all = editor.get("/doradztwo").body();
        assertThat(all)
                .contains(PREFIX + ": złożona małopolska", PREFIX + ": śląska")
                .contains("Sprawy według stanu");
        String filtered = editor.get("/doradztwo?status=zakonczone&wojewodztwo=malopolskie")
                .body();
        assertThat(filtered)
                .contains(PREFIX + ": zakończona małopolska")
                .doesNotContain(PREFIX + ": złożona małopolska")
                .doesNotContain(PREFIX + ": śląska");
        String byExpert = editor.get("/doradztwo?ekspert=" + testing.account(DemoAccounts.EXPERT_OTHER))
                .body();
        assertThat(byExpert).contains(PREFIX + ": śląska").doesNotContain(PREFIX + ": zakończona małopolska");
        // Unknown filters are ignored, never an error.
        assertThat(editor.get("/doradztwo?status=xyz&wojewodztwo=nie&temat=abc&ekspert=-1&strona=999")
                        .statusCode())
                .isEqualTo(200);

        String coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.10")
                .get("/doradztwo")
                .body();
        assertThat(coordinator)
                .contains(PREFIX + ": złożona małopolska", PREFIX + ": zakończona małopolska")
                .doesNotContain(PREFIX + ": śląska");
        String otherCoordinator = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.29.11")
                .get("/doradztwo?wojewodztwo=malopolskie")
                .body();
        assertThat(otherCoordinator)
                .doesNotContain(PREFIX + ": złożona małopolska")
                .doesNotContain(PREFIX + ": zakończona małopolska");
        String expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.29.12")
                .get("/doradztwo")
                .body();
        assertThat(expert)
                .contains(PREFIX + ": zakończona małopolska")
                .doesNotContain(PREFIX + ": złożona małopolska")
                .doesNotContain(PREFIX + ": śląska")
                .doesNotContain("id=\"f-ekspert\"");
        String otherExpert = testing.signedIn(DemoAccounts.EXPERT_OTHER, "127.0.29.13")
                .get("/doradztwo")
                .body();
        assertThat(otherExpert).contains(PREFIX + ": śląska").doesNotContain(PREFIX + ": zakończona małopolska");
        assertThat(submitted + completed + silesian).isPositive();
    }

    @Test
    void nobodyElseReadsOrChangesACase() {
        long id = testing.insertCase("malopolskie", "SUBMITTED", PREFIX + ": poufna", null);
        long completed = testing.insertCase("malopolskie", "COMPLETED", PREFIX + ": poufna zakończona", null);
        for (String[] actor : new String[][] {
            {DemoAccounts.COORDINATOR_SLASKIE, "127.0.29.14"},
            {DemoAccounts.EXPERT_OTHER, "127.0.29.15"},
            {DemoAccounts.CENTRAL_INSTITUTION, "127.0.29.16"},
            {DemoAccounts.PARTICIPANT, "127.0.29.17"}
        }) {
            SignedInClient client = testing.signedIn(actor[0], actor[1]);
            for (String path :
                    new String[] {"/doradztwo/" + id, "/doradztwo/" + id + "/edycja", "/doradztwo/" + id + "/wycofaj"
                    }) {
                assertThat(client.get(path).statusCode())
                        .as(actor[0] + " " + path)
                        .isEqualTo(404);
            }
            client.get("/");
            assertThat(client.post("/doradztwo/" + id + "/wycofaj", "potwierdzenie", "tak", "reason", "Cudzy wniosek")
                            .statusCode())
                    .as(actor[0])
                    .isEqualTo(404);
            assertThat(client.post("/doradztwo/" + completed + "/ocena", "rating", "1")
                            .statusCode())
                    .as(actor[0])
                    .isEqualTo(404);
        }
        assertThat(testing.status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select rating from advisory_request where id = :id")
                        .param("id", completed)
                        .query(Integer.class)
                        .optional()
                        .orElse(null))
                .isNull();

        SignedInClient central = testing.signedIn(DemoAccounts.CENTRAL_INSTITUTION, "127.0.29.18");
        HttpResponse<String> list = central.get("/doradztwo");
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.body()).contains("href=\"/doradztwo/zestawienia\"");
        assertThat(central.get("/doradztwo/nowy").statusCode()).isEqualTo(403);
        SignedInClient participant = testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.29.19");
        assertThat(participant.get("/doradztwo").statusCode()).isEqualTo(403);
        assertThat(participant.get("/").body()).doesNotContain("href=\"/doradztwo\"");
        SignedInClient anonymous = new SignedInClient(port, "127.0.29.20");
        HttpResponse<String> login = anonymous.get("/doradztwo");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(login)).contains("/logowanie");
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.29.21");
        assertThat(expert.get("/doradztwo/nowy").statusCode()).isEqualTo(403);
        assertThat(expert.get("/doradztwo/999999999").statusCode()).isEqualTo(404);
    }

    private long notices(String email, String kind, long id) {
        return jdbc.sql("""
                        select count(*) from notifications_notice n join account a on a.id = n.account_id
                        where a.email = :e and n.kind = :k and n.link = :l
                        """)
                .param("e", email)
                .param("k", kind)
                .param("l", "/doradztwo/" + id)
                .query(Long.class)
                .single();
    }

    private long linked(long need, long request) {
        return jdbc.sql("""
                        select count(*) from surveys_need_link where need_id = :n and kind = 'ADVICE' and target_id = :r
                        """)
                .param("n", need)
                .param("r", request)
                .query(Long.class)
                .single();
    }

    private static String[] concat(String[] fields, String... more) {
        String[] all = new String[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }
}
