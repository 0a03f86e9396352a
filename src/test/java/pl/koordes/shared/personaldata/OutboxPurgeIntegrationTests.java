package pl.koordes.shared.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;

/**
 * Delivered publications (a sent e-mail with its address, a registration with its password hash) are
 * purged a week after delivery; what is not delivered yet stays, however old, so that it still goes out.
 */
@IntegrationTest
class OutboxPurgeIntegrationTests {

    private static final String LISTENER = "test.outbox-purge";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from event_publication where listener_id = :l")
                .param("l", LISTENER)
                .update();
    }

    @Test
    void deliveredPublicationsGoAfterAWeekUndeliveredOnesStay() {
        UUID oldDelivered = insert("now() - interval '8 days'", "now() - interval '8 days'");
        UUID freshDelivered = insert("now() - interval '8 days'", "now() - interval '1 day'");
        UUID oldUndelivered = insert("now() - interval '30 days'", "null");

        assertThat(outbox.purgeDeliveredNow()).isGreaterThanOrEqualTo(1);

        assertThat(exists(oldDelivered)).as("delivered 8 days ago").isFalse();
        assertThat(exists(freshDelivered)).as("delivered yesterday").isTrue();
        assertThat(exists(oldUndelivered)).as("never delivered").isTrue();
    }

    private UUID insert(String published, String completed) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date) values (:id, :l, 'test.Event', '{\"email\":\"osoba@test.koordes.example\"}', "
                        + published + ", " + completed + ")")
                .param("id", id)
                .param("l", LISTENER)
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
