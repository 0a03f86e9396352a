package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SearchOpens;

/**
 * A region's report for a period is found at once by what its values say, by exactly those who may open the report's
 * page (the region's coordinators and committee members, central institutions, the operator); changed, by its new
 * words; with its last value gone, no longer.
 */
@IntegrationTest
class MonitoringReportSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    private long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    private List<String> found(String query, String email) {
        return SearchOpens.urls(index, query, SearchOpens.user(jdbc, email));
    }

    /** A change of the value's row announced as the reporting pages announce theirs, in one transaction. */
    private void changed(long value, long region, String sql) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql(sql).param("id", value).update();
            publisher.publishEvent(new MonitoringChanged(
                    MonitoringAction.MONITORING_VALUE_SAVED, "value", String.valueOf(value), region, null, Map.of()));
        });
    }

    @Test
    void aReportIsFoundByItsValuesCommentsByExactlyThoseWhoMayOpenIt() {
        long malopolskie = region("malopolskie");
        long value = jdbc.sql("select min(id) from monitoring_value where region_id = :r")
                .param("r", malopolskie)
                .query(Long.class)
                .single();
        long period = jdbc.sql("select period_id from monitoring_value where id = :id")
                .param("id", value)
                .query(Long.class)
                .single();
        String comment = jdbc.sql("select comment from monitoring_value where id = :id")
                .param("id", value)
                .query(String.class)
                .optional()
                .orElse(null);
        String url = "/monitoring/sprawozdania/" + period + "/malopolskie";
        try {
            changed(
                    value,
                    malopolskie,
                    "update monitoring_value set comment = 'Warsztaty lawendowych pasiek' where id = :id");
            assertThat(found("lawendowe pasieki", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                    .containsExactly(url);
            assertThat(found("lawendowe pasieki", DemoAccounts.COORDINATOR_SLASKIE))
                    .isEmpty();
            assertThat(SearchOpens.urls(index, "lawendowe pasieki", (CurrentUser) null))
                    .isEmpty();
            SearchOpens.foundExactlyWhereOpened(jdbc, index, port, "127.0.47", "lawendowe pasieki", List.of(url));

            changed(value, malopolskie, "update monitoring_value set comment = 'Kurs wikliniarski' where id = :id");
            assertThat(found("wikliniarskie kursy", DemoAccounts.CENTRAL_INSTITUTION))
                    .containsExactly(url);
            assertThat(found("lawendowe pasieki", DemoAccounts.CENTRAL_INSTITUTION))
                    .isEmpty();
        } finally {
            transactions.executeWithoutResult(
                    status -> jdbc.sql("update monitoring_value set comment = :c where id = :id")
                            .param("c", comment)
                            .param("id", value)
                            .update());
            changed(value, malopolskie, "update monitoring_value set comment = comment where id = :id");
        }
        assertThat(found("wikliniarskie kursy", DemoAccounts.EDITOR)).isEmpty();
    }

    @Test
    void aReportIsFoundWithItsFirstValueAndGoneWithItsLast() {
        long slaskie = region("slaskie");
        long indicator = jdbc.sql("select min(id) from monitoring_indicator where region_id = :r")
                .param("r", slaskie)
                .query(Long.class)
                .single();
        long period = jdbc.sql("""
                        insert into monitoring_period (kind, year, deadline) values ('YEAR', 2097, date '2098-03-31')
                        returning id""").query(Long.class).single();
        String url = "/monitoring/sprawozdania/" + period + "/slaskie";
        try {
            long value = transactions.execute(status -> {
                long id = jdbc.sql("""
                                insert into monitoring_value (indicator_id, period_id, region_id, status, comment)
                                values (:i, :p, :r, 'DRAFT', 'Spółdzielnia zielarek otworzyła suszarnię') returning id""")
                        .param("i", indicator)
                        .param("p", period)
                        .param("r", slaskie)
                        .query(Long.class)
                        .single();
                publisher.publishEvent(new MonitoringChanged(
                        MonitoringAction.MONITORING_VALUE_SAVED, "value", String.valueOf(id), slaskie, null, Map.of()));
                return id;
            });
            assertThat(found("suszarnia zielarek", DemoAccounts.COORDINATOR_SLASKIE))
                    .containsExactly(url);
            assertThat(found("suszarnia zielarek", DemoAccounts.COORDINATOR_MALOPOLSKIE))
                    .isEmpty();
            changed(value, slaskie, "delete from monitoring_value where id = :id");
            assertThat(found("suszarnia zielarek", DemoAccounts.COORDINATOR_SLASKIE))
                    .isEmpty();
        } finally {
            jdbc.sql("delete from monitoring_value where period_id = :p")
                    .param("p", period)
                    .update();
            jdbc.sql("delete from monitoring_period where id = :p")
                    .param("p", period)
                    .update();
            jdbc.sql("delete from search_entry where source = 'monitoring-report' and source_id like :p")
                    .param("p", period + "-%")
                    .update();
        }
    }
}
