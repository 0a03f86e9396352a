package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.surveys.AnsweringTesting.Made;
import pl.koordes.surveys.AnsweringTesting.Settings;

/**
 * Hostile answers: every string of the naughty-strings list in every kind of answer field at once (choices,
 * "inna" text, scale, matrix rows, texts, number, date, the declared region and kind, the version and the
 * button), saved as a draft and submitted: never a 500, the texts come back escaped and are stored as
 * normalised; values of the wrong shape are refused or dropped, never stored. Ids changed to another survey's
 * questions, options and rows are ignored; an answer to a hidden question is discarded; a closed survey and
 * another region's survey store nothing.
 */
@IntegrationTest
class AnsweringHostileInputIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "=HYPERLINK(\"http://zly.example\",\"klik\")",
            "1e400",
            "99999999999999999999,99999",
            "-0,0001",
            "31.02.2026",
            "0000-01-01",
            "6",
            "0",
            "inna",
            "x".repeat(12_000));

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
        Made survey = AnsweringTesting.survey(jdbc, AnsweringTesting.unique("Ankieta wroga"), settings);
        made.add(survey.survey());
        return survey;
    }

    private static List<String> everywhere(Made survey, String line) {
        List<String> pairs = new ArrayList<>();
        for (String field : List.of(
                "q" + survey.single(),
                "q" + survey.multiple(),
                "q" + survey.multiple() + "-inna",
                "q" + survey.single() + "-inna",
                "q" + survey.scale(),
                "q" + survey.matrix() + "-r" + survey.r1(),
                "q" + survey.matrix() + "-r" + survey.r2(),
                "q" + survey.conditional(),
                "q" + survey.longText(),
                "q" + survey.number(),
                "q" + survey.date(),
                "wojewodztwo",
                "rodzaj",
                "wersja")) {
            pairs.add(field);
            pairs.add(line);
        }
        return pairs;
    }

    @Test
    void everyAnswerFieldTakesEveryStringAndGivesItBackEscaped() {
        Made survey = survey(Settings.open());
        SignedInClient participant = AnsweringTesting.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, "127.0.25.20");
        participant.get(survey.path());
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int saved = 0;
        for (String line : lines) {
            // A fresh start each time: the version of an earlier draft would make the next save stale.
            jdbc.sql("delete from surveys_response where survey_id = :s")
                    .param("s", survey.survey())
                    .update();
            for (String button : List.of("zapisz", "wyslij")) {
                List<String> pairs = everywhere(survey, line);
                pairs.add("akcja");
                pairs.add(button);
                HttpResponse<String> answer = participant.post(survey.path(), AnsweringTesting.pairs(pairs));
                softly.assertThat(answer.statusCode()).as(button + " " + line).isIn(302, 400, 409, 422);
                softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            }
            // The same string in the text fields only, beside valid choices: saved as a draft, shown escaped.
            jdbc.sql("delete from surveys_response where survey_id = :s")
                    .param("s", survey.survey())
                    .update();
            HttpResponse<String> texts = participant.post(
                    survey.path(),
                    "akcja",
                    "zapisz",
                    "q" + survey.single(),
                    Long.toString(survey.a()),
                    "q" + survey.multiple(),
                    "inna",
                    "q" + survey.multiple() + "-inna",
                    line,
                    "q" + survey.conditional(),
                    line,
                    "q" + survey.longText(),
                    line);
            softly.assertThat(texts.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(texts.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (texts.statusCode() == 302) {
                saved++;
                String page = participant.get(survey.path()).body();
                softly.assertThat(page).as(line).doesNotContain("<script>alert", "<img src=x");
            }
        }
        softly.assertThat(saved).isGreaterThan(lines.size() / 2);
        // Whatever was stored has the shape of its question.
        softly.assertThat(jdbc.sql("""
                        select count(*) from surveys_answer a join surveys_response r on r.id = a.response_id
                        join surveys_question q on q.id = a.question_id where r.survey_id = :s and not (
                            (q.type in ('SHORT_TEXT', 'LONG_TEXT') and a.text_value is not null)
                            or (q.type = 'NUMBER' and a.number_value is not null)
                            or (q.type = 'DATE' and a.date_value is not null)
                            or (q.type = 'SCALE' and a.scale_value between 1 and 5)
                            or (q.type = 'MATRIX' and a.matrix_row_id is not null and a.scale_value between 1 and 5)
                            or (q.type in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE')
                                and (a.option_id is not null or a.text_value is not null)))""")
                        .param("s", survey.survey())
                        .query(Integer.class)
                        .single())
                .isZero();
        softly.assertThat(participant.get("/ankiety").statusCode()).isEqualTo(200);
        softly.assertAll();
    }

    @Test
    void idsOfAnotherSurveyAHiddenQuestionAClosedSurveyAndAnotherRegionStoreNothing() {
        Made survey = survey(Settings.open());
        Made other = survey(Settings.open());
        SignedInClient participant = AnsweringTesting.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, "127.0.25.21");
        participant.get(survey.path());
        HttpResponse<String> changed = participant.post(
                survey.path(),
                "akcja",
                "zapisz",
                // Another survey's question, option and matrix row under this survey's field names and its own.
                "q" + other.longText(),
                "Do innej ankiety",
                "q" + survey.single(),
                Long.toString(other.a()),
                "q" + survey.multiple(),
                Long.toString(other.x()),
                "q" + survey.multiple(),
                Long.toString(survey.y()),
                "q" + survey.matrix() + "-r" + other.r1(),
                "3",
                // The conditional question's answer while its condition (a) is not chosen.
                "q" + survey.conditional(),
                "Ukryte pytanie");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        assertThat(jdbc.sql("""
                        select a.question_id || ':' || coalesce(a.option_id, 0) from surveys_answer a
                        join surveys_response r on r.id = a.response_id where r.survey_id in (:s, :o)""")
                        .param("s", survey.survey())
                        .param("o", other.survey())
                        .query(String.class)
                        .list())
                .containsExactly(survey.multiple() + ":" + survey.y());

        Made closed = survey(Settings.open().closed());
        List<String> full = AnsweringTesting.complete(closed);
        full.addAll(List.of("akcja", "wyslij"));
        assertThat(participant.post(closed.path(), AnsweringTesting.pairs(full)).statusCode())
                .isEqualTo(409);

        Made slaskie = survey(Settings.open()
                .roles("{REGIONAL_COORDINATOR,COMMITTEE_MEMBER}")
                .regions("{" + AnsweringTesting.region(jdbc, "slaskie") + "}"));
        SignedInClient committee =
                AnsweringTesting.signedIn(jdbc, port, DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.25.22");
        assertThat(committee.get(slaskie.path()).statusCode()).isEqualTo(403);
        List<String> regionPairs = AnsweringTesting.complete(slaskie);
        regionPairs.addAll(List.of("akcja", "wyslij"));
        assertThat(committee
                        .post(slaskie.path(), AnsweringTesting.pairs(regionPairs))
                        .statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from surveys_response where survey_id in (:c, :r)")
                        .param("c", closed.survey())
                        .param("r", slaskie.survey())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(participant.get("/ankiety/abc").statusCode()).isEqualTo(400);
        assertThat(participant.get("/ankiety/999999999").statusCode()).isEqualTo(404);
    }
}
