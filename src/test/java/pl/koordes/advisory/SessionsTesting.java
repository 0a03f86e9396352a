package pl.koordes.advisory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** Throwaway advisory cases for the sessions' tests: made with a title prefix, removed with it (sessions cascade). */
final class SessionsTesting {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final int port;

    SessionsTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    static LocalDate today() {
        return LocalDate.now(WARSAW);
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
        // A page after signing in: the form token is bound to the new session.
        client.get("/konto");
        return client;
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    /** An accepted case of the region with this limit, the expert assigned. */
    long newCase(String title, String regionSlug, String kind, String status, BigDecimal limit, String expertEmail) {
        long id = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            hours_limit, requested_at, decided_at, updated_at)
                        values (:region, (select min(id) from advisory_topic), :title, 'Opis potrzeby do testu.', :kind,
                            'ONLINE', :status, :limit, now(), now(), now())
                        returning id
                        """)
                .param("region", region(regionSlug))
                .param("title", title)
                .param("kind", kind)
                .param("status", status)
                .param("limit", limit)
                .query(Long.class)
                .single();
        jdbc.sql("insert into advisory_assignment (request_id, account_id, assigned_at) values (:r, :a, now())")
                .param("r", id)
                .param("a", account(expertEmail))
                .update();
        return id;
    }

    String status(long id) {
        return jdbc.sql("select status from advisory_request where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    long audit(String action, long target) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }

    long notices(String email, String kind) {
        return jdbc.sql("""
                        select count(*) from notifications_notice n join account a on a.id = n.account_id
                        where a.email = :e and n.kind = :k
                        """)
                .param("e", email)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    long sessionOf(long id) {
        return jdbc.sql("select max(id) from advisory_session where request_id = :r")
                .param("r", id)
                .query(Long.class)
                .single();
    }

    int version(long session) {
        return jdbc.sql("select row_version from advisory_session where id = :s")
                .param("s", session)
                .query(Integer.class)
                .single();
    }

    long taskOf(long id) {
        return jdbc.sql("select max(id) from advisory_task where request_id = :r")
                .param("r", id)
                .query(Long.class)
                .single();
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from advisory_request where title like :p")
                .param("p", prefix + "%")
                .update();
    }

    void cleanSessions(long id) {
        jdbc.sql("delete from advisory_task where request_id = :r")
                .param("r", id)
                .update();
        jdbc.sql("delete from advisory_session where request_id = :r")
                .param("r", id)
                .update();
    }
}
