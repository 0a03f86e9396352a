package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.KoordesApplication;
import pl.koordes.accounts.internal.AccountTokens;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The backup procedure of docs/operations.md, end to end: a database full of demo data is dumped with
 * {@code pg_dump -Fc} (the PostgreSQL client installed on the machine; the embedded binaries have none),
 * restored with {@code pg_restore} into a new database, and the application is started on the copy. Every table
 * holds the same rows (count and checksum of the rows as text), the copy's sessions are ended, the mail that was
 * waiting in it is held rather than sent again, a set-up link issued before the backup still works, and
 * {@code java -jar koordes.jar backup} writes a dump of the embedded database.
 */
@IntegrationTest
class BackupRestoreIntegrationTests {

    /** What the application changes on its first start on a copy, on purpose (the rest must be as restored). */
    private static final Set<String> CHANGED_ON_PURPOSE = Set.of(
            "spring_session",
            "spring_session_attributes",
            "event_publication",
            "shared_held_mail",
            "shared_database_identity");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    EmbeddedDatabaseProperties embedded;

    @Autowired
    AccountTokens tokens;

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path work;

    @Test
    void aRestoredCopyHoldsEveryRowEndsItsSessionsHoldsItsWaitingMailAndKeepsItsLinks() throws Exception {
        Path pgDump = EmbeddedBackup.pgDump().orElse(null);
        assumeThat(pgDump).as("a PostgreSQL client (pg_dump) is installed").isNotNull();
        Path pgRestore = pgDump.resolveSibling("pg_restore");

        // What the backup catches in flight: a signed-in session, an unused set-up link, a message not yet sent.
        DemoAccounts.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, "127.0.56.21");
        long invited = jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values ('kopia.zapasowa@example.org', 'Irena Odtworzona', 'INVITED', 'pl') returning id
                        """).query(Long.class).single();
        String link = tokens.issue(invited, AccountTokens.Purpose.INVITATION, Duration.ofDays(7));
        UUID waiting = waitingMail();

        // The dump, in a snapshot whose every table is checksummed here.
        Path dump = work.resolve("koordes.dump");
        Map<String, String> original;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot = single(connection, "select pg_export_snapshot()");
            original = checksums(connection);
            run(
                    pgDump.toString(),
                    "--host=127.0.0.1",
                    "--port=" + postgres.getPort(),
                    "--username=postgres",
                    "--format=custom",
                    "--snapshot=" + snapshot,
                    "--file=" + dump,
                    "postgres");
            connection.commit();
        }
        assertThat(original).containsKeys("account", "event_publication", "spring_session", "stored_file_chunk");
        assertThat(original.get("spring_session")).doesNotStartWith("0:");

        // Restored into a new database: every row as it was.
        String copy = "restored_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("create database " + copy).update();
        try {
            run(
                    pgRestore.toString(),
                    "--host=127.0.0.1",
                    "--port=" + postgres.getPort(),
                    "--username=postgres",
                    "--dbname=" + copy,
                    "--no-owner",
                    "--exit-on-error",
                    dump.toString());
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + copy;
            try (Connection restored = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(checksums(restored)).isEqualTo(original);
            }

            // The application on the copy.
            try (ConfigurableApplicationContext application = new SpringApplicationBuilder(KoordesApplication.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--koordes.db.url=" + url,
                            "--koordes.db.username=postgres",
                            "--koordes.db.password=",
                            "--spring.datasource.hikari.maximum-pool-size=4")) {
                JdbcClient restored = application.getBean(JdbcClient.class);
                int restoredPort = application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);

                assertThat(restored.sql("select count(*) from spring_session")
                                .query(Long.class)
                                .single())
                        .as("the copy's sessions are ended")
                        .isZero();
                assertThat(restored.sql("select publication_id from shared_held_mail")
                                .query(UUID.class)
                                .list())
                        .as("the message waiting in the backup is held")
                        .containsExactly(publicationOf(restored, waiting));
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> restored.sql("select count(*) from notifications_dev_mailbox where id = :id")
                                        .param("id", waiting)
                                        .query(Long.class)
                                        .single()
                                == 0);

                HttpResponse<String> setUp = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://127.0.0.1:" + restoredPort + "/zaproszenie?token=" + link))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(setUp.statusCode())
                        .as("a set-up link issued before the backup")
                        .isEqualTo(200);
                assertThat(setUp.body()).contains("kopia.zapasowa@example.org");

                Map<String, String> after;
                try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                    after = checksums(connection);
                }
                after.keySet().removeAll(CHANGED_ON_PURPOSE);
                Map<String, String> expected = new LinkedHashMap<>(original);
                expected.keySet().removeAll(CHANGED_ON_PURPOSE);
                assertThat(after).isEqualTo(expected);
            }
        } finally {
            jdbc.sql("drop database if exists " + copy + " with (force)").update();
        }

        // The one command for the embedded database.
        Path embeddedDump = work.resolve("embedded.dump");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = EmbeddedBackup.backup(
                embedded.dataDir().toAbsolutePath(),
                embeddedDump,
                new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(pgRestore.toString(), "--list", embeddedDump.toString()))
                .contains("TABLE DATA public account ")
                .contains("TABLE DATA public event_publication ");
    }

    /** A message delivered, then put back as the backup would have caught it: queued and not yet in the mailbox. */
    private UUID waitingMail() {
        UUID id = transactions
                .execute(status -> mailer.send(
                        "kopia.zapasowa@example.org",
                        Language.PL.locale(),
                        "notifications/mail/check",
                        Map.of("note", "kopia zapasowa")))
                .id();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from notifications_dev_mailbox where id = :id")
                                .param("id", id)
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                update event_publication set completion_date = null, status = 'FAILED'
                                where serialized_event like :id and completion_date is not null""").param("id", "%" + id + "%").update() == 1);
        jdbc.sql("delete from notifications_dev_mailbox where id = :id")
                .param("id", id)
                .update();
        return id;
    }

    private static UUID publicationOf(JdbcClient jdbc, UUID mail) {
        return jdbc.sql("select id from event_publication where serialized_event like :id")
                .param("id", "%" + mail + "%")
                .query(UUID.class)
                .single();
    }

    /** Per table of the schema: its row count and the MD5 of its rows as text, in order. */
    private static Map<String, String> checksums(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public' order by tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(
                    table,
                    single(
                            connection,
                            "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                    + " from \"" + table + "\" t"));
        }
        return sums;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
        return output;
    }
}
