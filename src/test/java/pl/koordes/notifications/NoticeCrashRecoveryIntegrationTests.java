package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.KoordesApplication;
import pl.koordes.notifications.internal.Notices;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;

/**
 * Issue 18: a notification is stored exactly once, also when the application dies between the event and the
 * delivery. The first application commits a change with its notice, but the notice cannot be stored yet (its
 * table is locked) when the application goes away; on a second one started on the same database the recovery
 * job takes the publication for stale and resubmits it: the notice is stored once, and delivering the same
 * notice again stores nothing more.
 */
class NoticeCrashRecoveryIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<ConfigurableApplicationContext> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aNoticeCutOffBeforeItIsStoredArrivesExactlyOnceAfterARestart() throws Exception {
        Path database = work.resolve("postgres");
        NoticeRequested notice = NoticeRequested.of(
                4242,
                NotificationKind.EVENT_CANCELLED,
                "Wydarzenie „Po awarii” zostało odwołane.",
                "/wydarzenia/4242",
                Instant.now());

        ConfigurableApplicationContext first = start(database, "--koordes.events.recovery.interval=1h");
        JdbcClient firstDatabase = first.getBean(JdbcClient.class);
        try (Connection blocker = first.getBean(DataSource.class).getConnection()) {
            // Another transaction holds the notices' table: the delivery after the commit waits for it.
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table notifications_notice in access exclusive mode");
            }
            // The application context is the event publisher the modules' beans are given.
            first.getBean(TransactionTemplate.class).executeWithoutResult(status -> first.publishEvent(notice));

            // The change committed with its publication; the delivery is under way, not completed.
            await().atMost(DELIVERY)
                    .until(() -> publications(firstDatabase, notice.id()), list -> list.equals(List.of(false)));

            // The crash: the application goes away before the notice is stored.
            first.close();
        } catch (java.sql.SQLException closedWithTheApplication) {
            // The blocking connection ended with the first application's pool and database.
        }

        ConfigurableApplicationContext second = start(
                database,
                "--koordes.events.recovery.interval=200ms",
                "--koordes.events.recovery.stale-after=1s",
                "--koordes.events.recovery.retry-delay=0s");
        JdbcClient secondDatabase = second.getBean(JdbcClient.class);
        await().atMost(DELIVERY)
                .until(() -> publications(secondDatabase, notice.id()), list -> list.equals(List.of(true)));
        assertThat(stored(secondDatabase, notice.id())).isEqualTo(1);

        // The same notice delivered again (a repeated delivery after a crash mid-way) stores nothing more.
        assertThat(second.getBean(Notices.class).store(notice)).isFalse();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> stored(secondDatabase, notice.id()) == 1);
        assertThat(secondDatabase
                        .sql("select text from notifications_notice where id = :id")
                        .param("id", notice.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Wydarzenie „Po awarii” zostało odwołane.");
    }

    private ConfigurableApplicationContext start(Path database, String... recovery) {
        List<String> arguments =
                new ArrayList<>(List.of("--server.port=0", "--koordes.db.embedded.data-dir=" + database));
        arguments.addAll(List.of(recovery));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KoordesApplication.class)
                .profiles("test")
                .run(arguments.toArray(String[]::new));
        started.add(context);
        return context;
    }

    /** Whether each publication of the notice completed. */
    private static List<Boolean> publications(JdbcClient jdbc, UUID id) {
        return jdbc.sql("""
                        select completion_date is not null from event_publication
                        where serialized_event like :id and listener_id like '%NoticeDelivery%'""").param("id", "%" + id + "%").query(Boolean.class).list();
    }

    private static long stored(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select count(*) from notifications_notice where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
