package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
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
 * The operator's whole path through a case as people do it, over real HTTP: a decision with mistakes and then
 * accepted with a limit and an expert at once, a second decision refused, another expert assigned through the
 * chooser (which lists each expert's load, those covering the case first), the limit changed (not below the
 * hours counted), hours beyond the limit granted and refused, an expert removed after a question; declining with a
 * reason; topics added, renamed, refused as duplicates and retired; an expert's profile. Everyone else is refused:
 * the region and its experts 403, anybody who may not see the case 404, ids of another case 404.
 */
@IntegrationTest
class AssignmentIntegrationTests {

    private static final String PREFIX = "Test przydziału";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AssignmentTesting testing;

    @BeforeEach
    void setUp() {
        testing = new AssignmentTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theOperatorAcceptsAssignsChangesTheLimitConsentsAndRemovesAnExpert() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.1");
        long expert = testing.account(DemoAccounts.EXPERT);
        long other = testing.account(DemoAccounts.EXPERT_OTHER);
        long id = testing.submitted("malopolskie", PREFIX + ": klauzule w przetargach");

        HttpResponse<String> form = editor.get("/doradztwo/" + id + "/decyzja");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Decyzja w sprawie wniosku")
                .contains("name=\"expertIds\" value=\"" + expert + "\"")
                .contains("otwart");
        HttpResponse<String> noHours = editor.post("/doradztwo/" + id + "/decyzja", "decision", "ACCEPT");
        assertThat(noHours.statusCode()).isEqualTo(422);
        assertThat(noHours.body()).contains("Podaj limit godzin.");
        HttpResponse<String> notQuarter = editor.post(
                "/doradztwo/" + id + "/decyzja", "decision", "ACCEPT", "hoursLimit", "2,3", "expertIds", "" + expert);
        assertThat(notQuarter.statusCode()).isEqualTo(422);
        assertThat(notQuarter.body())
                .contains("z dokładnością do kwadransa")
                .contains("value=\"2,3\"")
                .contains("value=\"" + expert + "\" checked");
        HttpResponse<String> accepted = editor.post(
                "/doradztwo/" + id + "/decyzja", "decision", "ACCEPT", "hoursLimit", "2,5", "expertIds", "" + expert);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(accepted)).endsWith("/doradztwo/" + id);
        assertThat(testing.status(id)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("select hours_limit from advisory_request where id = :id")
                        .param("id", id)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.5");
        assertThat(testing.assignments(id)).isEqualTo(1);
        assertThat(testing.audits("ADVISORY_ACCEPTED", id)).isEqualTo(1);
        assertThat(testing.audits("ADVISORY_EXPERT_ASSIGNED", id)).isEqualTo(1);

        String casePage = editor.get("/doradztwo/" + id).body();
        assertThat(casePage)
                .contains("Wniosek został przyjęty.")
                .contains("Decyzja i eksperci")
                .contains("/doradztwo/" + id + "/eksperci/" + expert + "/usun")
                .contains("Przydziel ekspertów")
                .contains("value=\"2,5\"");

        HttpResponse<String> again =
                editor.post("/doradztwo/" + id + "/decyzja", "decision", "DECLINE", "decisionReason", "Jednak nie");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(testing.status(id)).isEqualTo("ACCEPTED");

        HttpResponse<String> chooser = editor.get("/doradztwo/" + id + "/eksperci");
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body())
                .contains("Eksperci już przydzieleni")
                .doesNotContain("name=\"expertIds\" value=\"" + expert + "\"")
                .contains("name=\"expertIds\" value=\"" + other + "\"");
        int version = AssignmentTesting.version(chooser.body());
        HttpResponse<String> none = editor.post("/doradztwo/" + id + "/eksperci", "version", "" + version);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Wybierz co najmniej jedną osobę.");
        HttpResponse<String> assigned =
                editor.post("/doradztwo/" + id + "/eksperci", "version", "" + version, "expertIds", "" + other);
        assertThat(assigned.statusCode()).isEqualTo(302);
        assertThat(testing.assignments(id)).isEqualTo(2);
        assertThat(editor.get("/doradztwo/" + id).body()).contains("Przydzielono 1 osobę.");

        testing.session(id, expert, "2", null);
        HttpResponse<String> below = editor.post("/doradztwo/" + id + "/limit", "hoursLimit", "1,5");
        assertThat(below.statusCode()).isEqualTo(422);
        assertThat(below.body())
                .contains("Limit nie może być niższy niż godziny już policzone")
                .contains("value=\"1,5\"");
        assertThat(editor.post("/doradztwo/" + id + "/limit", "hoursLimit", "abc")
                        .statusCode())
                .isEqualTo(422);
        HttpResponse<String> raised = editor.post("/doradztwo/" + id + "/limit", "hoursLimit", "6");
        assertThat(raised.statusCode()).isEqualTo(302);
        assertThat(testing.audits("ADVISORY_LIMIT_CHANGED", id)).isEqualTo(1);

        long pending = testing.session(id, expert, "5", "PENDING");
        long refusedLater = testing.session(id, expert, "1", "PENDING");
        assertThat(editor.get("/doradztwo/" + id).body())
                .contains("Godziny ponad limit czekające na zgodę")
                .contains("/sesje/" + pending + "/zgoda");
        HttpResponse<String> granted =
                editor.post("/doradztwo/" + id + "/sesje/" + pending + "/zgoda", "decyzja", "zgoda");
        assertThat(granted.statusCode()).isEqualTo(302);
        assertThat(consent(pending)).isEqualTo("GRANTED");
        assertThat(editor.get("/doradztwo/" + id).body()).contains("Godziny ponad limit zostały przyznane.");
        assertThat(editor.post("/doradztwo/" + id + "/sesje/" + refusedLater + "/zgoda", "decyzja", "odmowa")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/doradztwo/" + id).body()).contains("nie zostały przyznane");
        assertThat(consent(refusedLater)).isEqualTo("REFUSED");
        assertThat(testing.audits("ADVISORY_HOURS_CONSENTED", id)).isEqualTo(1);
        assertThat(testing.audits("ADVISORY_HOURS_REFUSED", id)).isEqualTo(1);
        // Decided already: told on the page, nothing changes.
        editor.post("/doradztwo/" + id + "/sesje/" + pending + "/zgoda", "decyzja", "odmowa");
        assertThat(consent(pending)).isEqualTo("GRANTED");
        assertThat(editor.get("/doradztwo/" + id).body()).contains("Ta sesja nie czeka już na zgodę");

        // A session of another case, through this case's address: 404.
        long another = testing.accepted("malopolskie", PREFIX + ": inna sprawa", "4");
        long foreign = testing.session(another, expert, "1", "PENDING");
        assertThat(editor.post("/doradztwo/" + id + "/sesje/" + foreign + "/zgoda", "decyzja", "zgoda")
                        .statusCode())
                .isEqualTo(404);
        assertThat(consent(foreign)).isEqualTo("PENDING");
        assertThat(editor.get("/doradztwo/" + another + "/eksperci/" + expert + "/usun")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> question = editor.get("/doradztwo/" + id + "/eksperci/" + other + "/usun");
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("Odwołać eksperta od sprawy?").contains("Co się stanie");
        HttpResponse<String> unconfirmed = editor.post("/doradztwo/" + id + "/eksperci/" + other + "/usun");
        assertThat(SignedInClient.location(unconfirmed)).endsWith("/eksperci/" + other + "/usun");
        assertThat(testing.assignments(id)).isEqualTo(2);
        HttpResponse<String> removed =
                editor.post("/doradztwo/" + id + "/eksperci/" + other + "/usun", "potwierdzenie", "tak");
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(testing.assignments(id)).isEqualTo(1);
        assertThat(testing.audits("ADVISORY_EXPERT_UNASSIGNED", id)).isEqualTo(1);
    }

    @Test
    void decliningNeedsAReasonTheRegionReads() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.2");
        long id = testing.submitted("malopolskie", PREFIX + ": odrzucany");
        editor.get("/doradztwo/" + id + "/decyzja");
        HttpResponse<String> nothing = editor.post("/doradztwo/" + id + "/decyzja");
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("Wybierz, czy przyjmujesz, czy odrzucasz wniosek.");
        HttpResponse<String> noReason = editor.post("/doradztwo/" + id + "/decyzja", "decision", "DECLINE");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Podaj powód odrzucenia wniosku.");
        HttpResponse<String> declined = editor.post(
                "/doradztwo/" + id + "/decyzja",
                "decision",
                "DECLINE",
                "decisionReason",
                "Temat wykracza poza zakres programu.");
        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("DECLINED");
        assertThat(testing.audits("ADVISORY_DECLINED", id)).isEqualTo(1);
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.30.3");
        String page = coordinator.get("/doradztwo/" + id).body();
        assertThat(page).contains("Temat wykracza poza zakres programu.").doesNotContain("Decyzja i eksperci");
        HttpResponse<String> decisionPage = editor.get("/doradztwo/" + id + "/decyzja");
        assertThat(decisionPage.statusCode()).isEqualTo(200);
        assertThat(decisionPage.body()).contains("został już rozpatrzony").doesNotContain("name=\"decision\"");
    }

    @Test
    void onlyTheOperatorActsAndWhoeverMayNotSeeTheCaseIsToldThereIsNone() {
        long expert = testing.account(DemoAccounts.EXPERT);
        long submitted = testing.submitted("malopolskie", PREFIX + ": uprawnienia złożony");
        long open = testing.accepted("malopolskie", PREFIX + ": uprawnienia w toku", "4");
        testing.assign(open, expert);
        // The expert sees both cases (so is refused the operator's pages, not told there is no case).
        testing.assign(submitted, expert);
        long pending = testing.session(open, expert, "5", "PENDING");
        Map<String, Integer> expected = Map.of(
                DemoAccounts.COORDINATOR_MALOPOLSKIE, 403,
                DemoAccounts.COMMITTEE_MALOPOLSKIE, 403,
                DemoAccounts.EXPERT, 403,
                DemoAccounts.COORDINATOR_SLASKIE, 404,
                DemoAccounts.EXPERT_OTHER, 404,
                DemoAccounts.CENTRAL_INSTITUTION, 404,
                DemoAccounts.PARTICIPANT, 404);
        List<String> gets = List.of(
                "/doradztwo/" + submitted + "/decyzja",
                "/doradztwo/" + open + "/eksperci",
                "/doradztwo/" + open + "/eksperci/" + expert + "/usun");
        String[][] posts = {
            {"/doradztwo/" + submitted + "/decyzja", "decision", "DECLINE", "decisionReason", "Nie"},
            {"/doradztwo/" + open + "/eksperci", "expertIds", "" + expert, "version", "0"},
            {"/doradztwo/" + open + "/eksperci/" + expert + "/usun", "potwierdzenie", "tak"},
            {"/doradztwo/" + open + "/limit", "hoursLimit", "8"},
            {"/doradztwo/" + open + "/sesje/" + pending + "/zgoda", "decyzja", "zgoda"}
        };
        SoftAssertions softly = new SoftAssertions();
        int address = 10;
        for (var entry : expected.entrySet()) {
            SignedInClient client = testing.signedIn(entry.getKey(), "127.0.30." + address++);
            for (String path : gets) {
                softly.assertThat(client.get(path).statusCode())
                        .as(entry.getKey() + " " + path)
                        .isEqualTo(entry.getValue());
            }
            for (String[] post : posts) {
                String[] fields = Arrays.copyOfRange(post, 1, post.length);
                softly.assertThat(client.post(post[0], fields).statusCode())
                        .as(entry.getKey() + " POST " + post[0])
                        .isEqualTo(entry.getValue());
            }
            // The operator's lists are the operator's; an expert reads only their own profile.
            softly.assertThat(client.get("/doradztwo/eksperci").statusCode()).isEqualTo(403);
            softly.assertThat(client.get("/doradztwo/tematy").statusCode()).isEqualTo(403);
            softly.assertThat(client.get("/doradztwo/eksperci/" + expert).statusCode())
                    .as(entry.getKey() + " profile")
                    .isEqualTo(entry.getKey().equals(DemoAccounts.EXPERT) ? 200 : 403);
        }
        SignedInClient anonymous = new SignedInClient(port, "127.0.30.20");
        for (String path :
                List.of("/doradztwo/" + submitted + "/decyzja", "/doradztwo/eksperci", "/doradztwo/tematy")) {
            softly.assertThat(SignedInClient.location(anonymous.get(path)))
                    .as(path)
                    .contains("/logowanie");
        }
        softly.assertAll();
        assertThat(testing.status(submitted)).isEqualTo("SUBMITTED");
        assertThat(testing.assignments(open)).isEqualTo(1);
        assertThat(consent(pending)).isEqualTo("PENDING");
        // The expert reads their own profile, without the form.
        SignedInClient own = testing.signedIn(DemoAccounts.EXPERT, "127.0.30.21");
        assertThat(own.get("/doradztwo/eksperci/" + expert).body())
                .contains("Otwarte sprawy")
                .doesNotContain("name=\"topicIds\"");
    }

    @Test
    void theChooserPutsThoseCoveringTheCaseFirstWithTheirLoad() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.4");
        long expert = testing.account(DemoAccounts.EXPERT);
        long other = testing.account(DemoAccounts.EXPERT_OTHER);
        // Topic 1 in małopolskie: the first demo expert covers it, the second (topics 3–6) does not.
        long id = testing.accepted("malopolskie", PREFIX + ": kolejność", "4");
        String page = editor.get("/doradztwo/" + id + "/eksperci").body();
        int first = page.indexOf("value=\"" + expert + "\"");
        int second = page.indexOf("value=\"" + other + "\"");
        assertThat(first).isPositive().isLessThan(second);
        assertThat(page).contains("zajmuje się tym tematem w tym województwie");
        long open = jdbc.sql("""
                        select count(*) from advisory_assignment s join advisory_request r on r.id = s.request_id
                        where s.account_id = :a and r.status in ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS')
                        """).param("a", expert).query(Long.class).single();
        String load = open == 1 ? "1 otwarta sprawa" : open + " otwart";
        assertThat(page).contains(load);
        String list = editor.get("/doradztwo/eksperci").body();
        assertThat(list).contains("Eksperci i ich obciążenie").contains("/doradztwo/eksperci/" + other);
    }

    @Test
    void topicsAreAddedRenamedRetiredAndTheirNamesStayUnique() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.5");
        assertThat(editor.get("/doradztwo/tematy").body()).contains("Finansowanie ekonomii społecznej");
        HttpResponse<String> empty = editor.post("/doradztwo/tematy", "topicPosition", "9");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Podaj nazwę tematu po polsku.");
        HttpResponse<String> duplicate = editor.post(
                "/doradztwo/tematy",
                "namePl",
                "FINANSOWANIE ekonomii społecznej",
                "nameEn",
                PREFIX + " financing",
                "topicPosition",
                "9");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Temat o tej nazwie już jest na liście");
        HttpResponse<String> added = editor.post(
                "/doradztwo/tematy",
                "namePl",
                PREFIX + " dostępność",
                "nameEn",
                PREFIX + " accessibility",
                "topicPosition",
                "20");
        assertThat(added.statusCode()).isEqualTo(302);
        long topic = jdbc.sql("select id from advisory_topic where name_pl = :n")
                .param("n", PREFIX + " dostępność")
                .query(Long.class)
                .single();
        long onCase = testing.request("malopolskie", PREFIX + ": z nowym tematem", "SUBMITTED", null, topic);
        HttpResponse<String> retired = editor.post(
                "/doradztwo/tematy/" + topic,
                "namePl",
                PREFIX + " dostępność cyfrowa",
                "nameEn",
                PREFIX + " digital accessibility",
                "topicPosition",
                "21");
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select active from advisory_topic where id = :id")
                        .param("id", topic)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(editor.get("/doradztwo/" + onCase).body()).contains(PREFIX + " dostępność cyfrowa");
        assertThat(editor.get("/doradztwo/tematy").body()).contains("wycofany");
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where action in ('ADVISORY_TOPIC_ADDED', 'ADVISORY_TOPIC_UPDATED')
                        and after_value::text like :n
                        """)
                        .param("n", "%" + PREFIX + "%")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    private String consent(long session) {
        return jdbc.sql("select consent from advisory_session where id = :id")
                .param("id", session)
                .query(String.class)
                .single();
    }
}
