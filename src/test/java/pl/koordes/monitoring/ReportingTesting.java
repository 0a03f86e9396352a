package pl.koordes.monitoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the reporting tests share: requests as a demo account, the demo's values, a rolled-back transaction. */
final class ReportingTesting {

    interface Step {
        void run() throws Exception;
    }

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;

    ReportingTesting(MockMvc mvc, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    MockHttpServletResponse send(UserDetails who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    String page(UserDetails who, String path) throws Exception {
        MockHttpServletResponse response = send(who, get(URI.create(path)));
        if (response.getStatus() != 200) {
            throw new AssertionError(path + " answered " + response.getStatus());
        }
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    void inRolledBackTransaction(Step step) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    long openPeriod() {
        return jdbc.sql("select id from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Long.class)
                .single();
    }

    long pastPeriod() {
        return jdbc.sql("select id from monitoring_period where kind = 'YEAR' and year = 2024")
                .query(Long.class)
                .single();
    }

    /** A region's indicator whose value in the period has the status (null: any indicator without a value). */
    long indicator(String slug, long periodId, @Nullable String status) {
        if (status == null) {
            return jdbc.sql("""
                            select min(vi.indicator_id) from monitoring_version_indicator vi
                            join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
                            join monitoring_programme p on p.id = pv.programme_id
                            join region r on r.id = p.region_id
                            where r.slug = :slug and not exists (select 1 from monitoring_value v
                                where v.indicator_id = vi.indicator_id and v.period_id = :p)""")
                    .param("slug", slug)
                    .param("p", periodId)
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("""
                        select min(v.indicator_id) from monitoring_value v join region r on r.id = v.region_id
                        where r.slug = :slug and v.period_id = :p and v.status = :s""")
                .param("slug", slug)
                .param("p", periodId)
                .param("s", status)
                .query(Long.class)
                .single();
    }

    ValueRow value(long periodId, long indicatorId) {
        return jdbc.sql("""
                        select id, status, value, not_available, expected_date, row_version, return_reason
                        from monitoring_value where period_id = :p and indicator_id = :i""")
                .param("p", periodId)
                .param("i", indicatorId)
                .query((rs, n) -> new ValueRow(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getBigDecimal("value") == null
                                ? null
                                : rs.getBigDecimal("value").stripTrailingZeros().toPlainString(),
                        rs.getBoolean("not_available"),
                        rs.getString("expected_date"),
                        rs.getInt("row_version"),
                        rs.getString("return_reason")))
                .optional()
                .orElse(null);
    }

    record ValueRow(
            long id,
            String status,
            @Nullable String value,
            boolean notAvailable,
            @Nullable String expectedDate,
            int rowVersion,
            @Nullable String returnReason) {}

    int audits(String action, long valueId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(valueId))
                .query(Integer.class)
                .single();
    }
}
