package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.KeptEvents;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The events kept for the registration form (issue 19): a change through the organiser's write path is seen by the
 * very next request; one made behind the write paths (by hand in SQL) once a notice of the kind reaches the node,
 * as another node's change does.
 */
@IntegrationTest
class KeptEventsIntegrationTests {

    private static final CurrentUser EDITOR =
            new CurrentUser(1, "r@example.org", "R", List.of(new RoleAssignment(Role.EDITOR, null, null)), "pl");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventManagement management;

    @Autowired
    KeptEvents kept;

    @Autowired
    ClusterChanges changes;

    EventSamples samples;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
    }

    @Test
    void anEventWithdrawnByItsOrganiserIsGoneFromTheNextRequest() {
        long event = samples.published(10, null);
        SignedInClient visitor = new SignedInClient(port);
        assertThat(visitor.get("/wydarzenia/" + event + "/zapis").statusCode()).isEqualTo(200);

        management.changeStatus(EDITOR, event, EventStatus.DRAFT);

        assertThat(visitor.get("/wydarzenia/" + event + "/zapis").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeBehindTheWritePathsShowsOnceItsNoticeArrives() {
        long event = samples.published(10, null);
        String before = kept.find(event).orElseThrow().title();
        jdbc.sql("update event set title = :t where id = :id")
                .param("t", before + " (zmieniony)")
                .param("id", event)
                .update();
        assertThat(kept.find(event).orElseThrow().title()).as("still kept").isEqualTo(before);

        changes.changed("events");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(kept.find(event).orElseThrow().title()).isEqualTo(before + " (zmieniony)"));
    }
}
