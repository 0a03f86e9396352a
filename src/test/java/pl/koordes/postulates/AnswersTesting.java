package pl.koordes.postulates;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the forwarding and answers tests share: requests as a person, rolled-back cases, demo postulates. */
final class AnswersTesting {

    interface Step {
        void run() throws Exception;
    }

    final MockMvc mvc;
    final JdbcClient jdbc;
    final PlatformTransactionManager transactions;

    AnswersTesting(MockMvc mvc, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    MockHttpServletResponse as(UserDetails who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    MockHttpServletResponse anonymous(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(csrf())).andReturn().getResponse();
    }

    /** Runs the step in a transaction rolled back afterwards (the requests run in it: MockMvc is on this thread). */
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

    /** The first demo postulate of a region in a status, addressed to an institution (its short name). */
    long postulate(String region, String status, String addressee) {
        return jdbc.sql("""
                        select min(p.id) from postulates_postulate p join region r on r.id = p.region_id
                        join institution i on i.id = p.addressee_id
                        where r.slug = :region and p.status = :status and i.short_name = :addressee""")
                .param("region", region)
                .param("status", status)
                .param("addressee", addressee)
                .query(Long.class)
                .single();
    }

    String status(long id) {
        return jdbc.sql("select status from postulates_postulate where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    long audits(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :id")
                .param("a", action)
                .param("id", String.valueOf(id))
                .query(Long.class)
                .single();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Warsaw"));
    }
}
