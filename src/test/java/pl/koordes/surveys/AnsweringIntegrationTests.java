package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.surveys.AnsweringTesting.complete;
import static pl.koordes.surveys.AnsweringTesting.pairs;
import static pl.koordes.surveys.AnsweringTesting.with;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
 * Answering over HTTP: a draft saved with only formats checked and found again, a submission refused with an
 * error summary that keeps everything typed, then accepted with the declared region and kind; the copy; a
 * change until closing and a stale change refused (409); a question whose condition is not met neither
 * required nor stored; a closed or scheduled survey refusing answers (409) and a survey of another region or
 * role refusing the person (403); an unpublished survey not there; the link's form; the operator's preview,
 * which stores nothing; the list of surveys for a person.
 */
@IntegrationTest
class AnsweringIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        made.forEach(id -> AnsweringTesting.delete(jdbc, id));
    }

    private Made survey(Settings settings) {
        Made survey = AnsweringTesting.survey(jdbc, AnsweringTesting.unique("Ankieta odpowiadania"), settings);
        made.add(survey.survey());
        return survey;
    }

    private SignedInClient participant(String address) {
        return AnsweringTesting.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, address);
    }

    private int count(String sql, long survey) {
        return jdbc.sql(sql).param("s", survey).query(Integer.class).single();
    }

    private int answers(long survey) {
        return count(
                "select count(*) from surveys_answer a join surveys_response r on r.id = a.response_id"
                        + " where r.survey_id = :s",
                survey);
    }

    private int audits(String action, long survey) {
        return jdbc.sql(
                        "select count(*) from audit_entry where action = :a and target_type = 'survey' and target_id = :s")
                .param("a", action)
                .param("s", Long.toString(survey))
                .query(Integer.class)
                .single();
    }

    private int version(long survey) {
        return count("select row_version from surveys_response where survey_id = :s", survey);
    }

    @Test
    void aParticipantSavesADraftComesBackIsToldWhatIsMissingAndSubmits() {
        Made survey = survey(Settings.open());
        SignedInClient participant = participant("127.0.25.1");

        HttpResponse<String> form = participant.get(survey.path());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<legend>Czy prowadzicie doradztwo? (wymagane)</legend>")
                .contains("Odpowiedz, jeśli w pytaniu „Czy prowadzicie doradztwo?” wybrano „Tak, prowadzimy”.")
                .contains(
                        "<th scope=\"row\" id=\"q" + survey.matrix() + "-r" + survey.r1() + "-label\">Księgowość</th>")
                .contains("aria-describedby=\"q" + survey.longText() + "-help\"")
                .contains("1 – bardzo źle")
                .contains("Inna (jaka?)")
                .contains("type=\"date\"")
                .contains("name=\"wojewodztwo\"");

        // A draft checks formats only: a half-filled form is kept, a Polish decimal comma is a number.
        HttpResponse<String> draft = participant.post(
                survey.path(), "akcja", "zapisz", "q" + survey.number(), "12,5", "q" + survey.scale(), "3");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(302);
        assertThat(SignedInClient.location(draft)).endsWith(survey.path());
        HttpResponse<String> again = participant.get(survey.path());
        assertThat(again.body())
                .contains("Zapisano wersję roboczą")
                .contains("Wersja robocza zapisana ")
                .contains("value=\"12,5\"");
        assertThat(participant.get("/ankiety").body()).contains("Wersja robocza zapisana ");
        assertThat(audits("SURVEY_ANSWER_SAVED", survey.survey())).isEqualTo(1);

        // Submitting checks everything; the summary names the questions and the typed answers stay.
        List<String> missing = with(with(complete(survey), "q" + survey.single(), ""), "q" + survey.number(), "12,5,5");
        missing = with(missing, "q" + survey.multiple() + "-inna", "");
        missing.addAll(List.of("akcja", "wyslij", "wersja", Integer.toString(version(survey.survey()))));
        HttpResponse<String> refused = participant.post(survey.path(), pairs(missing));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("class=\"error-summary\"")
                .contains("href=\"#q" + survey.single() + "\">Czy prowadzicie doradztwo?: Wybierz odpowiedź.")
                .contains("href=\"#q" + survey.number() + "\">Ile osób potrzebuje wsparcia?: Wpisz liczbę")
                .contains("href=\"#q" + survey.multiple() + "-inna\">")
                .contains("href=\"#wojewodztwo\"")
                .contains("value=\"12,5,5\"")
                .contains("Doradców w powiatach.");
        assertThat(count(
                        "select count(*) from surveys_response where survey_id = :s and status = 'SUBMITTED'",
                        survey.survey()))
                .isZero();

        long malopolskie = AnsweringTesting.region(jdbc, "malopolskie");
        List<String> full = with(complete(survey), "wojewodztwo", Long.toString(malopolskie));
        full = with(full, "rodzaj", "NGO");
        full.addAll(List.of("akcja", "wyslij", "wersja", Integer.toString(version(survey.survey()))));
        HttpResponse<String> submitted = participant.post(survey.path(), pairs(full));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(SignedInClient.location(submitted)).endsWith(survey.path() + "/moja-odpowiedz");
        assertThat(jdbc.sql(
                                "select region_id || ' ' || institution_kind || ' ' || status || ' ' || (submitted_at is not null)"
                                        + " from surveys_response where survey_id = :s")
                        .param("s", survey.survey())
                        .query(String.class)
                        .single())
                .isEqualTo(malopolskie + " NGO SUBMITTED true");
        // a, x, "inna" with its text, scale, two matrix rows, the conditional text, long text, number, date.
        assertThat(answers(survey.survey())).isEqualTo(10);
        assertThat(jdbc.sql("select number_value from surveys_answer where question_id = :q")
                        .param("q", survey.number())
                        .query(String.class)
                        .single())
                .isEqualTo("12.5000");
        assertThat(audits("SURVEY_ANSWER_SUBMITTED", survey.survey())).isEqualTo(1);

        String copy = participant.get(survey.path() + "/moja-odpowiedz").body();
        assertThat(copy)
                .contains("Dziękujemy, odpowiedź została wysłana.")
                .contains("Tak, prowadzimy")
                .contains("Inna (jaka?): Mentoring")
                .contains("Księgowość: 5")
                .contains("12,5")
                .contains("01.09.2026");
        assertThat(participant.get("/ankiety").body())
                .contains("Odpowiedź wysłana ")
                .contains("Zobacz wysłaną odpowiedź");

        // Changing until closing: the answer is replaced, audited as a change.
        List<String> changed = with(complete(survey), "wojewodztwo", Long.toString(malopolskie));
        changed = with(with(changed, "rodzaj", "NGO"), "q" + survey.number(), "7");
        changed.addAll(List.of("akcja", "wyslij", "wersja", Integer.toString(version(survey.survey()))));
        assertThat(participant.post(survey.path(), pairs(changed)).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select number_value from surveys_answer where question_id = :q")
                        .param("q", survey.number())
                        .query(String.class)
                        .single())
                .isEqualTo("7.0000");
        assertThat(audits("SURVEY_ANSWER_CHANGED", survey.survey())).isEqualTo(1);

        // A change from a form read before that change is stale: 409, the typed answer shown again.
        List<String> stale = with(changed, "wersja", "0");
        stale = with(stale, "q" + survey.longText(), "Mój nieaktualny tekst");
        HttpResponse<String> conflict = participant.post(survey.path(), pairs(stale));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("W międzyczasie ktoś inny zapisał").contains("Mój nieaktualny tekst");
    }

    @Test
    void aQuestionWhoseConditionIsNotMetIsNeitherRequiredNorStored() {
        Made survey = survey(Settings.open());
        SignedInClient participant = participant("127.0.25.2");
        participant.get(survey.path());
        long region = AnsweringTesting.region(jdbc, "slaskie");
        List<String> pairs = with(complete(survey), "q" + survey.single(), Long.toString(survey.b()));
        pairs = with(with(pairs, "wojewodztwo", Long.toString(region)), "rodzaj", "OWES");
        pairs = with(pairs, "q" + survey.conditional(), "To nie powinno zostać zapisane");
        pairs.addAll(List.of("akcja", "wyslij"));
        HttpResponse<String> submitted = participant.post(survey.path(), pairs(pairs));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from surveys_answer where question_id = :q or text_value like 'To nie%'")
                        .param("q", survey.conditional())
                        .query(Integer.class)
                        .single())
                .isZero();

        // And when it is shown, it is required.
        Made second = survey(Settings.open());
        participant.get(second.path());
        List<String> without = with(complete(second), "q" + second.conditional(), "");
        without.addAll(List.of("akcja", "wyslij"));
        HttpResponse<String> refused = participant.post(second.path(), pairs(without));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("href=\"#q" + second.conditional() + "\">Kto prowadzi doradztwo?: Odpowiedz na to pytanie.");
    }

    @Test
    void aClosedOrScheduledSurveyTakesNoAnswerAndAnotherAudienceIsRefused() {
        Made closed = survey(Settings.open().closed());
        Made scheduled = survey(Settings.open().scheduled());
        Made slaskie = survey(Settings.open()
                .mode("INSTITUTION")
                .roles("{REGIONAL_COORDINATOR}")
                .regions("{" + AnsweringTesting.region(jdbc, "slaskie") + "}"));
        Made hidden = survey(Settings.open().unpublished());
        SignedInClient participant = participant("127.0.25.3");

        assertThat(participant.get(closed.path()).body())
                .contains("Ankieta jest zamknięta.")
                .doesNotContain("name=\"akcja\"");
        HttpResponse<String> late = participant.post(closed.path(), pairs(with(complete(closed), "akcja", "zapisz")));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Ankieta jest zamknięta. Odpowiedź nie została zapisana.");
        HttpResponse<String> early =
                participant.post(scheduled.path(), pairs(with(complete(scheduled), "akcja", "zapisz")));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(count("select count(*) from surveys_response where survey_id in (:s)", closed.survey())
                        + count("select count(*) from surveys_response where survey_id in (:s)", scheduled.survey()))
                .isZero();

        SignedInClient malopolskie =
                AnsweringTesting.signedIn(jdbc, port, DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.25.4");
        assertThat(malopolskie.get(slaskie.path()).statusCode()).isEqualTo(403);
        assertThat(malopolskie
                        .post(slaskie.path(), pairs(with(complete(slaskie), "akcja", "zapisz")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(participant.get(slaskie.path()).statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from surveys_response where survey_id = :s", slaskie.survey()))
                .isZero();

        assertThat(participant.get(hidden.path()).statusCode()).isEqualTo(404);
        assertThat(new SignedInClient(port, "127.0.25.5").get(closed.path()).statusCode())
                .isEqualTo(302);
        assertThat(participant.get("/ankiety").body()).doesNotContain(slaskie.path() + "\"");
    }

    @Test
    void aCoordinatorAnswersForTheRegionsCentreAndSavesTheSharedDraft() {
        Made survey = survey(Settings.open().mode("INSTITUTION").roles("{REGIONAL_COORDINATOR}"));
        SignedInClient coordinator =
                AnsweringTesting.signedIn(jdbc, port, DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.25.6");
        String form = coordinator.get(survey.path()).body();
        assertThat(form).contains("Jedna odpowiedź na instytucję").doesNotContain("name=\"wojewodztwo\"");
        HttpResponse<String> saved =
                coordinator.post(survey.path(), "akcja", "zapisz", "q" + survey.longText(), "Wspólny szkic ROPS");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select i.kind || ' ' || r.institution_kind || ' ' || rg.slug from surveys_response r
                        join institution i on i.id = r.institution_id join region rg on rg.id = r.region_id
                        where r.survey_id = :s""").param("s", survey.survey()).query(String.class).single())
                .isEqualTo("ROPS ROPS malopolskie");
        assertThat(coordinator.get("/ankiety").body()).contains(survey.path());
    }

    @Test
    void theLinkOpensTheFormForAnyoneSignedInAndItsFormPostsToTheLink() {
        Made survey = survey(Settings.open().roles("{EXPERT}").withLink());
        SignedInClient participant = participant("127.0.25.7");
        assertThat(participant.get(survey.path()).statusCode()).isEqualTo(403);
        String link = "/ankiety/link/" + survey.token();
        HttpResponse<String> form = participant.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("action=\"" + link + "\"");
        assertThat(participant
                        .post(link, "akcja", "zapisz", "q" + survey.longText(), "Przez link")
                        .statusCode())
                .isEqualTo(302);
        assertThat(answers(survey.survey())).isEqualTo(1);
        assertThat(participant.get("/ankiety/link/nieznany-token").statusCode()).isEqualTo(404);
        Made noLink = survey(Settings.open().roles("{EXPERT}"));
        assertThat(participant.get("/ankiety/link/" + noLink.token()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOperatorsPreviewChecksAnswersInAnyPhaseAndStoresNothing() {
        Made survey = survey(Settings.open().unpublished());
        SignedInClient editor = AnsweringTesting.signedIn(jdbc, port, DemoAccounts.EDITOR, "127.0.25.8");
        String preview = "/ankiety/obsluga/" + survey.survey() + "/podglad";
        HttpResponse<String> page = editor.get(preview);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Podgląd – odpowiedzi nie są zapisywane.")
                .contains("action=\"" + preview + "\"");
        HttpResponse<String> empty = editor.post(preview, "akcja", "wyslij");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Czy prowadzicie doradztwo?: Wybierz odpowiedź.");
        List<String> full =
                with(complete(survey), "wojewodztwo", Long.toString(AnsweringTesting.region(jdbc, "opolskie")));
        full = with(full, "rodzaj", "NGO");
        HttpResponse<String> valid = editor.post(preview, pairs(full));
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.body()).contains("Odpowiedzi poprawne.");
        assertThat(count("select count(*) from surveys_response where survey_id = :s", survey.survey()))
                .isZero();
        assertThat(participant("127.0.25.9").get(preview).statusCode()).isEqualTo(403);
    }
}
