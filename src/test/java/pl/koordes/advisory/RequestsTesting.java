package pl.koordes.advisory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** What the requests' tests share: signing in as demo accounts, cases of their own, audit counts. */
final class RequestsTesting {

    private final JdbcClient jdbc;
    private final int port;

    RequestsTesting(JdbcClient jdbc, int port) {
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

    long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    long topic() {
        return jdbc.sql("select id from advisory_topic where active order by position limit 1")
                .query(Long.class)
                .single();
    }

    /** A case of the test's own, in this state, with the expert assigned when one is given. */
    long insertCase(String regionSlug, String status, String title, @Nullable String expert) {
        long id = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            decline_reason, hours_limit, final_recommendation, requested_at, completed_at, updated_at)
                        values (:region, :topic, :title, 'Opis sprawy testowej', 'INDIVIDUAL', 'ONLINE', :status,
                            case when :status in ('DECLINED', 'WITHDRAWN') then 'Powód' end,
                            case when :status not in ('SUBMITTED', 'DECLINED', 'WITHDRAWN') then 8 end,
                            case when :status = 'COMPLETED' then 'Rekomendacja' end,
                            now(), case when :status = 'COMPLETED' then now() end, now())
                        returning id
                        """)
                .param("region", region(regionSlug))
                .param("topic", topic())
                .param("title", title)
                .param("status", status)
                .query(Long.class)
                .single();
        if (expert != null) {
            jdbc.sql("""
                            insert into advisory_assignment (request_id, account_id, assigned_at)
                            values (:r, :a, now())
                            """).param("r", id).param("a", account(expert)).update();
        }
        return id;
    }

    long audit(String action, long target) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }

    String status(long id) {
        return jdbc.sql("select status from advisory_request where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from surveys_need_link where kind = 'ADVICE' and target_id in "
                        + "(select id from advisory_request where title like :p)")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from advisory_request where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from surveys_need where topic like :p")
                .param("p", prefix + "%")
                .update();
    }

    static long idOf(String location) {
        String path = location.contains("#") ? location.substring(0, location.indexOf('#')) : location;
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
