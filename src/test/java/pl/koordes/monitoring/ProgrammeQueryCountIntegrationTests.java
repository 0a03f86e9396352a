package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * The public page of a region's programme runs the same number of SQL statements whether the programme has
 * 5 or 30 indicators and 5 or 20 years of targets each.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ProgrammeQueryCountIntegrationTests {

    private static final String REGION = "podkarpackie";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    long version;
    long region;
    List<Map<String, Object>> savedTargets;

    @BeforeEach
    void remember() {
        region = jdbc.sql("select id from region where slug = :s")
                .param("s", REGION)
                .query(Long.class)
                .single();
        version = jdbc.sql("""
                        select v.id from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        where p.region_id = :r and v.status = 'CURRENT'""").param("r", region).query(Long.class).single();
        savedTargets = jdbc.sql("select indicator_id, year, value from monitoring_target where version_id = :v")
                .param("v", version)
                .query()
                .listOfRows();
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from monitoring_target where version_id = :v")
                .param("v", version)
                .update();
        jdbc.sql("""
                        delete from monitoring_version_indicator where version_id = :v and indicator_id in
                            (select id from monitoring_indicator where region_id = :r and code like 'QC%')""").param("v", version).param("r", region).update();
        jdbc.sql("delete from monitoring_indicator where region_id = :r and code like 'QC%'")
                .param("r", region)
                .update();
        for (Map<String, Object> row : savedTargets) {
            jdbc.sql(
                            "insert into monitoring_target (version_id, indicator_id, year, value) values (:v, :i, :y, :value)")
                    .param("v", version)
                    .param("i", row.get("indicator_id"))
                    .param("y", row.get("year"))
                    .param("value", row.get("value"))
                    .update();
        }
    }

    @Test
    void aProgrammePageRunsTheSameQueriesWithFiveOrThirtyIndicatorsAndFiveOrTwentyYearsOfTargets() {
        String path = "/monitoring/regiony/" + REGION;
        // Down to 5 indicators with 5 years of targets each.
        List<Long> indicators = jdbc.sql(
                        "select indicator_id from monitoring_version_indicator where version_id = :v order by position")
                .param("v", version)
                .query(Long.class)
                .list();
        assertThat(indicators.size()).isGreaterThanOrEqualTo(5);
        jdbc.sql("delete from monitoring_target where version_id = :v and year > 2025")
                .param("v", version)
                .update();
        new Http(port).get(path);
        int few = statementsFor(path);
        assertThat(few).isPositive().isLessThanOrEqualTo(12);

        // 30 indicators, each with 20 years of targets.
        indicators = new ArrayList<>(indicators);
        for (int i = indicators.size(); i < 30; i++) {
            long id = jdbc.sql("insert into monitoring_indicator (region_id, code) values (:r, :c) returning id")
                    .param("r", region)
                    .param("c", "QC" + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into monitoring_version_indicator (version_id, indicator_id, position, name, unit)
                            values (:v, :i, :p, :name, 'liczba')""")
                    .param("v", version)
                    .param("i", id)
                    .param("p", 100 + i)
                    .param("name", "Wskaźnik liczenia zapytań " + i)
                    .update();
            indicators.add(id);
        }
        jdbc.sql("delete from monitoring_target where version_id = :v")
                .param("v", version)
                .update();
        for (long indicator : indicators) {
            for (int year = 2011; year <= 2030; year++) {
                jdbc.sql(
                                "insert into monitoring_target (version_id, indicator_id, year, value) values (:v, :i, :y, :value)")
                        .param("v", version)
                        .param("i", indicator)
                        .param("y", year)
                        .param("value", BigDecimal.valueOf(year - 2000))
                        .update();
            }
        }
        String page = new Http(port).get(path).body();
        assertThat(page)
                .contains("Wskaźnik liczenia zapytań 29")
                .contains(">2011<")
                .contains(">2030<");
        assertThat(statementsFor(path)).isEqualTo(few);
    }

    private int statementsFor(String path) {
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }
}
