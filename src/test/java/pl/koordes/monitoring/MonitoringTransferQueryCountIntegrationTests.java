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

/**
 * The open data downloads run the same statements however many approved values there are: one cursor
 * streams them all (no statement per row, region or indicator).
 */
@IntegrationTest
@Import(TestExtensions.class)
class MonitoringTransferQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAddedPeriods() {
        jdbc.sql("delete from monitoring_value where period_id in (select id from monitoring_period where year < 2015)")
                .update();
        jdbc.sql("delete from monitoring_period where year < 2015").update();
    }

    @Test
    void theCsvAndXlsxRunTheSameStatementsWithTenTimesMoreApprovedValues() {
        int csv = statementsFor("/monitoring/dane/wartosci.csv");
        int xlsx = statementsFor("/monitoring/dane/wartosci.xlsx");
        assertThat(csv).isPositive().isLessThanOrEqualTo(3);
        long before = approved();
        long source = jdbc.sql("select id from monitoring_period where year = 2022")
                .query(Long.class)
                .single();
        for (int year = 2005; year < 2015; year++) {
            long period = jdbc.sql("""
                            insert into monitoring_period (kind, year, deadline, status)
                            values ('YEAR', :y, make_date(:y + 1, 3, 31), 'CLOSED') returning id""").param("y", year).query(Long.class).single();
            jdbc.sql("""
                            insert into monitoring_value (indicator_id, period_id, region_id, status, value, approved_at)
                            select indicator_id, :p, region_id, 'APPROVED', value, now()
                            from monitoring_value where period_id = :s and status = 'APPROVED'""").param("p", period).param("s", source).update();
        }
        assertThat(approved()).isGreaterThan(before * 2);
        assertThat(statementsFor("/monitoring/dane/wartosci.csv")).isEqualTo(csv);
        assertThat(statementsFor("/monitoring/dane/wartosci.xlsx")).isEqualTo(xlsx);
        assertThat(new Http(port).get("/monitoring/dane/wartosci.csv?rok=2005").body())
                .contains(";2005;");
    }

    private long approved() {
        return jdbc.sql("select count(*) from monitoring_value where status = 'APPROVED'")
                .query(Long.class)
                .single();
    }

    private int statementsFor(String path) {
        // The first request after start may prepare what later ones reuse; the settled figure matters.
        new Http(port).get(path);
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }
}
