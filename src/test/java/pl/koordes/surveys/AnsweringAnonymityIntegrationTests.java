package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.surveys.AnsweringTesting.Made;
import pl.koordes.surveys.AnsweringTesting.Settings;

/**
 * An anonymous survey: the draft belongs to the account (so the person can come back to it); submitting copies
 * the answers into a fresh row that no column links to the person (no account, no institution, no time but
 * the day, an id drawn at random so that the order of rows says nothing), deletes the draft and records only
 * that the person took part. The copy is shown once, right after submitting; later the person sees only that
 * the answer was sent, and cannot send a second one. The audit line names no response.
 */
@IntegrationTest
class AnsweringAnonymityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        made.forEach(id -> AnsweringTesting.delete(jdbc, id));
    }

    @Test
    void theStoredAnswerKeepsNothingThatLeadsBackToThePerson() {
        Made survey = AnsweringTesting.survey(
                jdbc,
                AnsweringTesting.unique("Ankieta anonimowa"),
                Settings.open().secret());
        made.add(survey.survey());
        long account = AnsweringTesting.account(jdbc, DemoAccounts.PARTICIPANT);
        SignedInClient participant = AnsweringTesting.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, "127.0.25.30");
        assertThat(participant.get(survey.path()).body())
                .contains("Ankieta anonimowa: wysłana odpowiedź nie jest powiązana");

        assertThat(participant
                        .post(survey.path(), "akcja", "zapisz", "q" + survey.longText(), "Szkic anonimowy")
                        .statusCode())
                .isEqualTo(302);
        long draft = jdbc.sql("select id from surveys_response where survey_id = :s and account_id = :a")
                .param("s", survey.survey())
                .param("a", account)
                .query(Long.class)
                .single();
        int version = jdbc.sql("select row_version from surveys_response where id = :id")
                .param("id", draft)
                .query(Integer.class)
                .single();

        List<String> pairs = AnsweringTesting.with(
                AnsweringTesting.complete(survey),
                "wojewodztwo",
                Long.toString(AnsweringTesting.region(jdbc, "pomorskie")));
        pairs = AnsweringTesting.with(pairs, "rodzaj", "SOCIAL_ENTERPRISE");
        pairs = AnsweringTesting.with(pairs, "q" + survey.longText(), "Tajna odpowiedź osoby");
        pairs.addAll(List.of("akcja", "wyslij", "wersja", Integer.toString(version)));
        HttpResponse<String> submitted = participant.post(survey.path(), AnsweringTesting.pairs(pairs));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);

        // The copy, once: from the submitted form.
        String copy = participant.get(SignedInClient.location(submitted)).body();
        assertThat(copy).contains("To jedyny raz, kiedy widzisz tę odpowiedź").contains("Tajna odpowiedź osoby");
        String later = participant.get(survey.path() + "/moja-odpowiedz").body();
        assertThat(later).contains("nie można jej ponownie wyświetlić").doesNotContain("Tajna odpowiedź osoby");
        assertThat(participant.get(survey.path()).body())
                .doesNotContain("Tajna odpowiedź osoby")
                .doesNotContain("name=\"akcja\"");
        assertThat(participant.get("/ankiety").body()).contains("ankieta anonimowa");

        // What the database keeps.
        List<Map<String, Object>> responses = jdbc.sql("select * from surveys_response where survey_id = :s")
                .param("s", survey.survey())
                .query()
                .listOfRows();
        assertThat(responses).hasSize(1);
        Map<String, Object> response = responses.getFirst();
        long id = ((Number) response.get("id")).longValue();
        assertThat(id).isNotEqualTo(draft).isGreaterThan(1L << 52);
        assertThat(response.get("account_id")).isNull();
        assertThat(response.get("institution_id")).isNull();
        assertThat(response.get("submitted_at")).isNull();
        assertThat(response.get("status")).isEqualTo("SUBMITTED");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
        assertThat(response.get("submitted_on").toString()).isEqualTo(today.toString());
        assertThat(jdbc.sql("""
                        select count(*) from surveys_response where id = :id
                        and created_at = (submitted_on::timestamp at time zone 'Europe/Warsaw')
                        and updated_at = created_at and row_version = 0""").param("id", id).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from surveys_answer where response_id = :id and id < :floor")
                        .param("id", id)
                        .param("floor", 1L << 52)
                        .query(Integer.class)
                        .single())
                .isZero();
        // Nothing in any answer row names the person.
        assertThat(jdbc.sql("""
                        select count(*) from surveys_answer a where a.response_id = :id
                        and (a.text_value like :email or a.text_value like :name)""")
                        .param("id", id)
                        .param("email", "%" + DemoAccounts.PARTICIPANT + "%")
                        .param("name", "%" + name(account) + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from surveys_participation where survey_id = :s and account_id = :a")
                        .param("s", survey.survey())
                        .param("a", account)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The audit lines of the answer name no response.
        assertThat(jdbc.sql("""
                        select coalesce(after_value::text, '') from audit_entry where target_type = 'survey'
                        and target_id = :s and action like 'SURVEY_ANSWER_%'""")
                        .param("s", Long.toString(survey.survey()))
                        .query(String.class)
                        .list())
                .hasSize(2)
                .allSatisfy(after -> assertThat(after)
                        .doesNotContain("response")
                        .doesNotContain(Long.toString(id))
                        .doesNotContain(Long.toString(draft)));

        // A second answer is refused; nothing more is stored.
        HttpResponse<String> again = participant.post(survey.path(), AnsweringTesting.pairs(pairs));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("została już wysłana");
        assertThat(jdbc.sql("select count(*) from surveys_response where survey_id = :s")
                        .param("s", survey.survey())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private String name(long account) {
        return jdbc.sql("select display_name from account where id = :id")
                .param("id", account)
                .query(String.class)
                .single();
    }
}
