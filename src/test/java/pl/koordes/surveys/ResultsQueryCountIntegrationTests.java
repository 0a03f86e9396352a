package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The results page (plain, filtered, compared by region and by kind) and the page of typed answers run the same
 * statements for 3 questions with 10 answers, 30 questions with 100 and 500 answers and 30 questions with
 * 10,000 answers (issue 14, "Speed"): everything is aggregated in PostgreSQL. Counted on the request threads,
 * signed in as an editor, the session store's statements left out. The surveys come from bench/surveys.sql,
 * the file bench/surveys loads.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ResultsQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeGenerated() {
        jdbc.sql("delete from surveys_survey where title like 'Ankieta generowana %'")
                .update();
    }

    static long generate(JdbcClient jdbc, String label, int questions, int answers) {
        String sql;
        try {
            sql = Files.readString(Path.of("bench/surveys.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql = sql.replace(":'label'", "'" + label.replace("'", "''") + "'")
                .replace(":questions", Integer.toString(questions))
                .replace(":answers", Integer.toString(answers));
        for (String statement : sql.split(";\\s*\n")) {
            String body = statement
                    .lines()
                    .filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .strip();
            if (!body.isEmpty()) {
                jdbc.sql(body).update();
            }
        }
        // As autovacuum soon would after a bulk load (and bench/surveys does): the planner needs the new numbers.
        jdbc.sql("analyze surveys_response").update();
        jdbc.sql("analyze surveys_answer").update();
        return jdbc.sql("select id from surveys_survey where title = :title")
                .param("title", "Ankieta generowana " + label)
                .query(Long.class)
                .single();
    }

    private Map<String, Integer> counts(SignedInClient editor, long survey) {
        long text = jdbc.sql("select min(id) from surveys_question where survey_id = :s and type = 'SHORT_TEXT'")
                .param("s", survey)
                .query(Long.class)
                .optional()
                .orElse(0L);
        String base = "/ankiety/" + survey + "/wyniki";
        List<String> pages = List.of(
                base,
                base + "?wojewodztwo=malopolskie&rodzaj=OWES",
                base + "?porownaj=wojewodztwa",
                base + "?porownaj=rodzaje&wojewodztwo=slaskie",
                base + "/teksty?pytanie=" + text + "&q=doradztwo&strona=2");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : pages) {
            String key = path.substring(base.length());
            if (key.startsWith("/teksty") && text == 0) {
                continue;
            }
            editor.get(path);
            statements.reset();
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
            counts.put(
                    key.replaceAll("pytanie=\\d+", "pytanie=N"),
                    statements.pageStatements().size());
        }
        return counts;
    }

    @Test
    void theResultsRunTheSameStatementsWhateverTheNumberOfAnswersAndQuestions() {
        SignedInClient editor = new SignedInClient(port, "127.0.27.21");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);

        long small = generate(jdbc, "mała", 3, 10);
        long hundred = generate(jdbc, "sto", 30, 100);
        long medium = generate(jdbc, "średnia", 30, 500);
        long large = generate(jdbc, "duża", 30, 10_000);
        assertThat(jdbc.sql("select count(*) from surveys_response where survey_id = :s")
                        .param("s", large)
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000);

        Map<String, Integer> few = counts(editor, small);
        assertThat(few.values())
                .allSatisfy(count -> assertThat(count).isPositive().isLessThanOrEqualTo(20));
        Map<String, Integer> atHundred = counts(editor, hundred);
        Map<String, Integer> atFiveHundred = counts(editor, medium);
        Map<String, Integer> many = counts(editor, large);
        System.out.println(
                "Statements per results page, 30 questions, 100 / 10,000 answers: " + atHundred + " / " + many);
        // The small survey has no text question (its three are single, multiple choice and scale).
        assertThat(atHundred).containsAllEntriesOf(few);
        assertThat(atFiveHundred).isEqualTo(atHundred);
        assertThat(many).isEqualTo(atHundred);
    }
}
