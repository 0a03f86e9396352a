package pl.koordes.monitoring;

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
import pl.koordes.monitoring.internal.MonitoringFigureCache;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * The public monitoring pages run the same number of statements with the demo data and with 16 regions × 20
 * indicators × 10 periods of approved values more (issue 12, "Speed"): counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class MonitoringQueryCountIntegrationTests {

    static final List<String> PAGES = List.of(
            "/monitoring",
            "/monitoring/spojnosc",
            "/monitoring/kpres/wskazniki/W7",
            "/monitoring/regiony/malopolskie/wskazniki/R1",
            "/monitoring/mapa?wskaznik=W7&rok=2024",
            "/monitoring/porownanie?wskaznik=W4");

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonitoringFigureCache cache;

    @AfterEach
    void removeAddedData() {
        new AnalysisSamples(jdbc).removeAll();
        cache.forget();
    }

    @Test
    void theMatrixTheDashboardAnIndicatorAndTheMapRunTheSameStatementsWithTenTimesTheData() {
        Map<String, Integer> few = new LinkedHashMap<>();
        PAGES.forEach(path -> few.put(path, statementsFor(path)));
        assertThat(few.values())
                .allSatisfy(count -> assertThat(count).isPositive().isLessThanOrEqualTo(10));

        int values = insertLargeDataSet(jdbc);
        assertThat(values).isEqualTo(16 * 20 * 10);
        cache.forget();
        assertThat(new Http(port).get("/monitoring/kpres/wskazniki/W7").body()).contains("2035");

        Map<String, Integer> many = new LinkedHashMap<>();
        PAGES.forEach(path -> many.put(path, statementsFor(path)));
        assertThat(many).isEqualTo(few);
    }

    /**
     * Adds 20 indicators to each region's current programme (codes T1–T20, mapped in turn to the 13 KPRES
     * indicators and summed), 10 half-year periods 2031–2035 and an approved value for each: 3,200 values.
     */
    static int insertLargeDataSet(JdbcClient jdbc) {
        jdbc.sql("""
                        insert into monitoring_period (kind, year, half, deadline, status)
                        select 'HALF', y, h, make_date(y + 1, 3, 31), 'CLOSED'
                        from generate_series(2031, 2035) y, generate_series(1, 2) h""").update();
        jdbc.sql("""
                        insert into monitoring_indicator (region_id, code)
                        select r.id, 'T' || n from region r, generate_series(1, 20) n""").update();
        jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, position, name, unit, baseline, baseline_year, time_rule,
                             national_indicator_id, region_rule)
                        select v.id, i.id, 100 + substr(i.code, 2)::int, 'Wskaźnik testowy ' || i.code, 'liczba', 10,
                               2030, case when substr(i.code, 2)::int % 2 = 0 then 'FLOW' else 'STOCK' end,
                               (select id from monitoring_national_indicator
                                where code = 'W' || (1 + substr(i.code, 2)::int % 13)),
                               'SUM'
                        from monitoring_indicator i
                        join monitoring_programme p on p.region_id = i.region_id
                        join monitoring_programme_version v on v.programme_id = p.id and v.status = 'CURRENT'
                        where i.code like 'T%'""").update();
        jdbc.sql("""
                        insert into monitoring_target (version_id, indicator_id, year, value)
                        select vi.version_id, vi.indicator_id, y, 10 + (y - 2030) * 5
                        from monitoring_version_indicator vi join monitoring_indicator i on i.id = vi.indicator_id,
                             generate_series(2031, 2035) y
                        where i.code like 'T%'""").update();
        return jdbc.sql("""
                        insert into monitoring_value (indicator_id, period_id, region_id, status, value)
                        select i.id, p.id, i.region_id, 'APPROVED', 10 + p.year - 2030 + p.half
                        from monitoring_indicator i, monitoring_period p
                        where i.code like 'T%' and p.year between 2031 and 2035""").update();
    }

    /**
     * The statements of a page read with the figures read afresh (as after a change): the figures are kept in
     * memory between changes, so a page usually runs fewer.
     */
    private int statementsFor(String path) {
        new Http(port).get(path);
        cache.forget();
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }

    @Test
    void withTheFiguresInMemoryAPageRunsNoStatementOfItsOwn() {
        new Http(port).get("/monitoring/spojnosc");
        statements.reset();
        assertThat(new Http(port).get("/monitoring/spojnosc").statusCode()).isEqualTo(200);
        assertThat(statements.count()).isZero();
    }
}
