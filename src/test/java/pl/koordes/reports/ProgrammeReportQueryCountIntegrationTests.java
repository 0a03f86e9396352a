package pl.koordes.reports;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The report page and its workbook (the whole country and one region) run the same statements with the demo's
 * events, with 200 more events and 4,000 registrations and with 3,000 events and 60,000 registrations: every
 * section aggregates in PostgreSQL. Counted on the request threads. The data comes from bench/report.sql, the
 * file bench/report loads.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ProgrammeReportQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeGenerated() {
        ReportTesting.removeGenerated(jdbc);
    }

    private Map<String, Integer> counts(SignedInClient editor) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path : List.of(
                "/raport?" + ReportTesting.PERIOD,
                "/raport?" + ReportTesting.PERIOD + "&wojewodztwo=malopolskie",
                "/raport.xlsx?" + ReportTesting.PERIOD)) {
            editor.get(path);
            statements.reset();
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
            counts.put(path, statements.pageStatements().size());
        }
        return counts;
    }

    @Test
    void theReportRunsTheSameStatementsWhateverTheNumberOfEvents() {
        SignedInClient editor = new SignedInClient(port, "127.0.50.61");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);

        Map<String, Integer> demo = counts(editor);
        ReportTesting.generate(jdbc, "mała", 200, 4_000);
        Map<String, Integer> small = counts(editor);
        ReportTesting.generate(jdbc, "duża", 3_000, 60_000);
        Map<String, Integer> large = counts(editor);

        assertThat(small).isEqualTo(demo);
        assertThat(large).isEqualTo(demo);
        // The page: the regions and the sections' statements, and nothing per event.
        assertThat(demo.values()).allSatisfy(count -> assertThat(count).isLessThan(25));
    }
}
