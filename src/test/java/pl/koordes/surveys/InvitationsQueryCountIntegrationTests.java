package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The operator's invitations page runs the same statements with a larger audience and more answers as
 * without them, in a survey answered per person and in one answered per institution.
 */
@IntegrationTest
@Import(TestExtensions.class)
class InvitationsQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> surveys = new ArrayList<>();
    private final String prefix = "liczenie-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeAdded() {
        surveys.forEach(new InvitationsTesting(jdbc)::deleteSurvey);
        jdbc.sql("delete from account where email like :p")
                .param("p", prefix + "%")
                .update();
    }

    @Test
    void theInvitationsPageRunsTheSameStatementsWithALargerAudience() {
        InvitationsTesting t = new InvitationsTesting(jdbc);
        Instant now = Instant.now();
        List<String> roles = List.of("REGIONAL_COORDINATOR", "COMMITTEE_MEMBER", "EXPERT", "CENTRAL_INSTITUTION");
        long person = t.survey(
                "Liczenie osób " + prefix,
                "PERSON",
                roles,
                List.of(),
                true,
                now.minus(1, ChronoUnit.DAYS),
                now.plus(9, ChronoUnit.DAYS));
        long institution = t.survey(
                "Liczenie instytucji " + prefix,
                "INSTITUTION",
                roles,
                List.of(),
                false,
                now.minus(1, ChronoUnit.DAYS),
                now.plus(9, ChronoUnit.DAYS));
        surveys.addAll(List.of(person, institution));
        SignedInClient editor = new SignedInClient(port, "127.0.26.1");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        String personPage = "/ankiety/obsluga/" + person + "/zaproszenia";
        String institutionPage = "/ankiety/obsluga/" + institution + "/zaproszenia";
        // The first page after signing in may still write to the session; count from the second on.
        editor.get(personPage);
        int before = statementsFor(editor, personPage);
        List<String> beforeStatements = statements.statements();
        int institutionBefore = statementsFor(editor, institutionPage);
        List<String> institutionStatements = statements.statements();

        String[] regions = {"lubuskie", "opolskie", "podlaskie", "pomorskie", "swietokrzyskie", "lodzkie"};
        for (int i = 0; i < regions.length; i++) {
            long region = t.region(regions[i]);
            String coordinator = t.person(prefix + "-k" + i, "ACTIVE", true, "REGIONAL_COORDINATOR", region);
            t.person(prefix + "-c" + i, "ACTIVE", i % 2 == 0, "COMMITTEE_MEMBER", region);
            String expert = t.person(prefix + "-e" + i, "ACTIVE", true, "EXPERT", null);
            t.personAnswer(person, expert, i % 2 == 0 ? "SUBMITTED" : "DRAFT");
            t.personAnswer(person, coordinator, "SUBMITTED");
            t.institutionAnswer(institution, t.centre(region), region, i % 3 == 0 ? "DRAFT" : "SUBMITTED");
        }
        t.institutionAnswer(institution, t.institution("MRPiPS"), null, "SUBMITTED");

        assertThat(editor.get(personPage).body()).contains("lubuskie");
        assertThat(statementsFor(editor, personPage))
                .as(() -> beforeStatements + " then " + statements.statements())
                .isEqualTo(before);
        assertThat(statementsFor(editor, institutionPage))
                .as(() -> institutionStatements + " then " + statements.statements())
                .isEqualTo(institutionBefore);
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        // The session store's own statements vary with when the session was last saved, not with the data.
        return (int) statements.statements().stream()
                .filter(sql -> !sql.contains("SPRING_SESSION"))
                .count();
    }
}
