package pl.koordes.advisory;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The report (plain and filtered by region, as the operator and as a central institution) and the region page with
 * its "Doradztwo w liczbach" run the same statements with the demo's cases, with 50 more cases and 200 sessions and
 * with 1,000 cases and 10,000 sessions: every figure is aggregated in PostgreSQL. Counted on the request threads, the
 * session store's statements left out. The data comes from bench/advisory.sql, the file bench/advisory loads.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ReportingQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void removeGenerated() {
        jdbc.sql("delete from advisory_request where title like 'Sprawa generowana %'")
                .update();
    }

    static void generate(JdbcClient jdbc, String label, int cases, int sessions) {
        String sql;
        try {
            sql = Files.readString(Path.of("bench/advisory.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql = sql.replace(":'label'", "'" + label.replace("'", "''") + "'")
                .replace(":cases", Integer.toString(cases))
                .replace(":sessions", Integer.toString(sessions));
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
        jdbc.sql("analyze advisory_request").update();
        jdbc.sql("analyze advisory_session").update();
    }

    private Map<String, Integer> counts(SignedInClient editor, SignedInClient central) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String path :
                List.of("/doradztwo/zestawienia", "/doradztwo/zestawienia?wojewodztwo=malopolskie&rok=2025")) {
            editor.get(path);
            statements.reset();
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
            counts.put("operator " + path, statements.pageStatements().size());
            central.get(path);
            statements.reset();
            assertThat(central.get(path).statusCode()).as(path).isEqualTo(200);
            counts.put("central " + path, statements.pageStatements().size());
        }
        // The section reads every region's figures again after a change of a case; count that reading.
        new Http(port).get("/regiony/malopolskie");
        events.publishEvent(new AdvisoryChanged(AdvisoryAction.ADVISORY_REQUESTED, 0, 0, null, null));
        statements.reset();
        assertThat(new Http(port).get("/regiony/malopolskie").statusCode()).isEqualTo(200);
        counts.put("region page, read again", statements.count());
        statements.reset();
        new Http(port).get("/regiony/malopolskie");
        counts.put("region page, kept", statements.count());
        return counts;
    }

    @Test
    void theReportAndTheRegionSectionRunTheSameStatementsWhateverTheNumberOfSessions() {
        SignedInClient editor = new SignedInClient(port, "127.0.32.21");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        SignedInClient central = new SignedInClient(port, "127.0.32.22");
        central.signInFully(DemoAccounts.CENTRAL_INSTITUTION, DemoAccounts.PASSWORD, null);

        Map<String, Integer> demo = counts(editor, central);
        generate(jdbc, "mała", 50, 200);
        Map<String, Integer> small = counts(editor, central);
        generate(jdbc, "duża", 1_000, 10_000);
        assertThat(jdbc.sql("select count(*) from advisory_session s join advisory_request r on r.id = s.request_id"
                                + " where r.title like 'Sprawa generowana duża %'")
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000);
        Map<String, Integer> large = counts(editor, central);

        assertThat(small).isEqualTo(demo);
        assertThat(large).isEqualTo(demo);
        assertThat(demo.get("operator /doradztwo/zestawienia"))
                .as("regions, the figures, the cases and ratings, the first year")
                .isLessThanOrEqualTo(6);
        assertThat(demo.get("region page, read again") - demo.get("region page, kept"))
                .as("the section's two statements")
                .isEqualTo(2);
    }
}
