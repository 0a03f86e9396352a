package pl.koordes.shared.personaldata;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.scheduling.ClusterLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry (the outbox every module's mail and cross-module events go through)
 * keeps each published event, delivered or not, with the person's address and name inside mail and audit
 * facts. Erasure removes every publication naming the person: delivered ones are history nobody needs,
 * undelivered ones would still mail them. Delivered publications are also purged after {@link #KEPT}
 * for everyone: a delivered e-mail or a registration's password hash has no reason to stay.
 */
@Component
class Outbox implements PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long a delivered publication stays, for diagnosing a delivery just made. */
    static final Duration KEPT = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final ClusterLock lock;

    Outbox(JdbcClient jdbc, ClusterLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    /** Deletes publications delivered more than {@link #KEPT} ago, on one node. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    void purgeDelivered() {
        lock.runOnce("shared.outbox.purge", Duration.ofMinutes(10), Duration.ofMinutes(1), this::purgeDeliveredNow);
    }

    /** Deletes publications delivered more than {@link #KEPT} ago; answers how many. */
    int purgeDeliveredNow() {
        return jdbc.sql("""
                        delete from event_publication
                        where completion_date is not null and completion_date < now() - make_interval(secs => :kept)
                        """).param("kept", KEPT.toSeconds()).update();
    }

    @Override
    public String section() {
        return "pendingMessages";
    }

    @Override
    public Object export(Person person) {
        return jdbc.sql("""
                        select event_type, publication_date from event_publication
                        where completion_date is null and serialized_event ilike :like
                        order by publication_date
                        """)
                .param("like", PersonalData.anywhere(person.email()))
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("kind", rs.getString("event_type").replaceAll(".*\\.", ""));
                    row.put("publishedAt", String.valueOf(rs.getObject("publication_date")));
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        // By address: everything, so nothing more is sent to the person. By name: only what was delivered,
        // since an undelivered message to someone else that merely names the person must still go out.
        delete(person.email(), false);
        if (!person.displayName().isBlank()) {
            delete(person.displayName(), true);
        }
    }

    private void delete(String value, boolean deliveredOnly) {
        // Serialized as JSON: the value appears JSON-escaped (a quote or a Polish letter may be escaped).
        String escaped = JSON.writeValueAsString(value);
        jdbc.sql("""
                        delete from event_publication
                        where (serialized_event ilike :plain or serialized_event ilike :json)
                          and (not :deliveredOnly or completion_date is not null)
                        """)
                .param("plain", PersonalData.anywhere(value))
                .param("json", PersonalData.anywhere(escaped.substring(1, escaped.length() - 1)))
                .param("deliveredOnly", deliveredOnly)
                .update();
    }
}
