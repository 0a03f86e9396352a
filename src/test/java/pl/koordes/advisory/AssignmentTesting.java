package pl.koordes.advisory;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** What the assignment tests share: cases of their own (named with a prefix), signed-in demo accounts, cleaning up. */
final class AssignmentTesting {

    private final JdbcClient jdbc;
    private final int port;

    AssignmentTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    SignedInClient signedIn(String email, String address) {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(
                email,
                DemoAccounts.PASSWORD,
                email.equals(DemoAccounts.ADMINISTRATOR) || email.startsWith("koordynator.")
                        ? DemoAccounts.TOTP_SECRET
                        : null);
        return client;
    }

    /** A request of the region waiting for the operator, on the first topic. */
    long submitted(String region, String title) {
        return request(region, title, "SUBMITTED", null, firstTopic());
    }

    /** An accepted case of the region with this limit and no expert yet. */
    long accepted(String region, String title, String hoursLimit) {
        return request(region, title, "ACCEPTED", new BigDecimal(hoursLimit), firstTopic());
    }

    long request(String region, String title, String status, @Nullable BigDecimal hoursLimit, long topic) {
        return jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                                                      hours_limit, requested_at, updated_at)
                        select g.id, :topic, :title, 'Opis potrzeby do testu.', 'INDIVIDUAL', 'ONLINE', :status,
                               :hours, now(), now()
                        from region g where g.slug = :region returning id
                        """)
                .param("topic", topic)
                .param("title", title)
                .param("status", status)
                .param("hours", hoursLimit)
                .param("region", region)
                .query(Long.class)
                .single();
    }

    long firstTopic() {
        return jdbc.sql("select min(id) from advisory_topic").query(Long.class).single();
    }

    /** A session of the case, recorded by the account, with this consent (null: within the limit). */
    long session(long request, @Nullable Long expert, String hours, @Nullable String consent) {
        return jdbc.sql("""
                        insert into advisory_session (request_id, account_id, held_on, hours, mode, summary, consent,
                                                      created_at, updated_at)
                        values (:r, :a, current_date, :h, 'ONLINE', 'Podsumowanie sesji testowej', :c, now(), now())
                        returning id
                        """)
                .param("r", request)
                .param("a", expert)
                .param("h", new BigDecimal(hours))
                .param("c", consent)
                .query(Long.class)
                .single();
    }

    void assign(long request, long expert) {
        jdbc.sql("""
                        insert into advisory_assignment (request_id, account_id, assigned_at) values (:r, :a, now())
                        """).param("r", request).param("a", expert).update();
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    String status(long request) {
        return jdbc.sql("select status from advisory_request where id = :id")
                .param("id", request)
                .query(String.class)
                .single();
    }

    long audits(String action, long request) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(request))
                .query(Long.class)
                .single();
    }

    long assignments(long request) {
        return jdbc.sql("select count(*) from advisory_assignment where request_id = :r")
                .param("r", request)
                .query(Long.class)
                .single();
    }

    /** The row version the chooser's form carries. */
    static int version(String page) {
        Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no version in the form");
        }
        return Integer.parseInt(matcher.group(1));
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from advisory_request where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from advisory_topic where name_pl like :p and not exists "
                        + "(select 1 from advisory_request r where r.topic_id = advisory_topic.id)")
                .param("p", prefix + "%")
                .update();
    }
}
