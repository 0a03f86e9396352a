package pl.koordes.surveys;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every line of the Big List of Naughty Strings in every text field of the builder's forms: the new survey's
 * title and description, the settings' title and description, a section's title and description, and a
 * question's text, help, scale ends and its options and matrix rows text areas. Never a server error (a
 * control character is refused beside its field), and what is stored comes back escaped on the builder, the
 * list, the settings and the question form.
 */
@IntegrationTest
class BuilderHostileInputIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE surveys_survey; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(20000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        BuilderTesting builder = new BuilderTesting(port, "127.0.24.20", jdbc);
        SignedInClient editor = builder.client();
        List<Long> created = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try {
            long survey = builder.survey("Wrogie teksty");
            created.add(survey);
            long section = builder.section(survey, "Sekcja");
            String base = "/ankiety/obsluga/" + survey;
            String sectionId = String.valueOf(section);
            List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
            for (String line : lines) {
                HttpResponse<String> fresh = editor.post("/ankiety/obsluga/nowa", "title", line, "description", line);
                check(softly, line, fresh);
                if (fresh.statusCode() == 302) {
                    created.add(BuilderTesting.lastNumber(SignedInClient.location(fresh)));
                }
                check(softly, line, editor.post(base + "/sekcje", "sectionTitle", line, "sectionDescription", line));
                check(
                        softly,
                        line,
                        editor.post(
                                base + "/pytania/nowe",
                                "type",
                                "MATRIX",
                                "questionText",
                                line,
                                "questionHelp",
                                line,
                                "sectionId",
                                sectionId,
                                "lowLabel",
                                line,
                                "highLabel",
                                line,
                                "matrixRows",
                                line + "\nWiersz stały"));
                check(
                        softly,
                        line,
                        editor.post(
                                base + "/pytania/nowe",
                                "type",
                                "MULTIPLE_CHOICE",
                                "questionText",
                                "Wybór",
                                "sectionId",
                                sectionId,
                                "choices",
                                "Opcja stała\n" + line));
            }
            int version = jdbc.sql("select row_version from surveys_survey where id = :id")
                    .param("id", survey)
                    .query(Integer.class)
                    .single();
            for (String line : lines.stream()
                    .filter(l -> l.contains("<") || l.contains("\u0000"))
                    .limit(60)
                    .toList()) {
                HttpResponse<String> settings = editor.post(
                        base + "/ustawienia",
                        "title",
                        line,
                        "description",
                        line,
                        "responseMode",
                        "PERSON",
                        "resultsVisibility",
                        "OPERATORS",
                        "version",
                        String.valueOf(version));
                check(softly, line, settings);
                if (settings.statusCode() == 302) {
                    version++;
                }
            }
            for (String page : List.of("/ankiety/obsluga", base, base + "/ustawienia")) {
                HttpResponse<String> shown = editor.get(page);
                softly.assertThat(shown.statusCode()).as(page).isEqualTo(200);
                softly.assertThat(shown.body()).as(page).doesNotContain("<script>alert", "<img src=x");
            }
            List<Long> questions = jdbc.sql("select id from surveys_question where survey_id = :s order by id limit 40")
                    .param("s", survey)
                    .query(Long.class)
                    .list();
            softly.assertThat(questions).isNotEmpty();
            for (long question : questions) {
                HttpResponse<String> form = editor.get(base + "/pytania/" + question);
                softly.assertThat(form.statusCode()).isEqualTo(200);
                softly.assertThat(form.body()).doesNotContain("<script>alert", "<img src=x");
            }
            softly.assertAll();
        } finally {
            builder.delete(created);
        }
    }

    private static void check(SoftAssertions softly, String line, HttpResponse<String> answer) {
        softly.assertThat(answer.statusCode()).as(line).isIn(302, 409, 422);
        softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
    }
}
