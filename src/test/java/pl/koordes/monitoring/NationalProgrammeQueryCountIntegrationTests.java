package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/** The national programme's page runs the same statements whatever the size of the programme. */
@IntegrationTest
@Import(TestExtensions.class)
class NationalProgrammeQueryCountIntegrationTests {

    private static final String PAGE = "/monitoring/kpres";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from monitoring_national_indicator where code like 'QC%'")
                .update();
        jdbc.sql("delete from monitoring_direction where code like 'QC%'").update();
    }

    @Test
    void theTreeRunsTheSameStatementsWithFiftyMoreDirectionsActionsAndIndicators() {
        int few = statementsFor(PAGE);
        // Areas, directions, actions, indicators and targets: one statement each.
        assertThat(few).isPositive().isLessThanOrEqualTo(5);

        long area = jdbc.sql("select id from monitoring_area where code = 'III'")
                .query(Long.class)
                .single();
        for (int i = 0; i < 50; i++) {
            long direction = jdbc.sql("""
                            insert into monitoring_direction (area_id, code, name_pl, name_en, position)
                            values (:area, :code, :name, :name, 100 + :i) returning id""")
                    .param("area", area)
                    .param("code", "QC." + i)
                    .param("name", "Kierunek liczenia " + i)
                    .param("i", i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    insert into monitoring_national_action (direction_id, code, name_pl, name_en, position)
                    values (:direction, :code, :name, :name, 1)""")
                    .param("direction", direction)
                    .param("code", "QC." + i + ".1")
                    .param("name", "Działanie liczenia " + i)
                    .update();
            long indicator = jdbc.sql("""
                            insert into monitoring_national_indicator (area_id, direction_id, code, name_pl, name_en, unit, baseline, position)
                            values (:area, :direction, :code, :name, :name, 'liczba', 10, 100 + :i) returning id""")
                    .param("area", area)
                    .param("direction", direction)
                    .param("code", "QC" + i)
                    .param("name", "Wskaźnik liczenia " + i)
                    .param("i", i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    insert into monitoring_national_target (indicator_id, year, value)
                    values (:id, 2025, 1), (:id, 2026, 2), (:id, 2027, 3)""").param("id", indicator).update();
        }
        String page = new Http(port).get(PAGE).body();
        assertThat(page)
                .contains("Kierunek liczenia 49")
                .contains("Działanie liczenia 49")
                .contains("Wskaźnik liczenia 49")
                .contains("2025: 1; 2026: 2; 2027: 3");
        assertThat(statementsFor(PAGE)).isEqualTo(few);
    }

    private int statementsFor(String path) {
        new Http(port).get(path);
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }
}
