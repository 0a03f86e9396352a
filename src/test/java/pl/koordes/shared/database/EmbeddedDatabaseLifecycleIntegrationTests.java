package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application with its embedded PostgreSQL, run as a separate process the way a user
 * runs it: it stops the database when it stops, starts again cleanly after being killed, and loses no
 * acknowledged write when both are killed at once.
 */
class EmbeddedDatabaseLifecycleIntegrationTests {

    // Generous: the child JVM starts in about 15 s on an idle machine, but over two minutes on a busy one.
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    private final HttpClient client = HttpClient.newHttpClient();
    private Process application;

    @BeforeEach
    void requirePackagedJar() {
        assertThat(Path.of("target", "koordes.jar"))
                .as("the jar built by 'package'")
                .exists();
    }

    /**
     * Stops the application and its PostgreSQL with every process it started, and waits until they are gone:
     * a server process still writing its statistics while the temporary folder is deleted fails the test on a
     * busy machine although nothing was wrong.
     */
    @AfterEach
    void stop() {
        List<ProcessHandle> running = new ArrayList<>();
        if (application != null) {
            running.add(application.toHandle());
            running.addAll(application.descendants().toList());
        }
        postmaster().ifPresent(postmaster -> {
            running.add(postmaster);
            running.addAll(postmaster.descendants().toList());
        });
        running.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofMinutes(1)).until(() -> running.stream().noneMatch(ProcessHandle::isAlive));
    }

    /**
     * One life of the data folder, in the order a user meets it: a kill of the application alone (its PostgreSQL
     * orphaned), a kill of both at once under a stream of writes, and a clean stop. One test rather than three:
     * each start of the packaged jar costs half a minute or more on a busy machine, and the first one (initdb and
     * the demo data) most of all, so the three stages share three starts instead of taking five.
     */
    @Test
    void theDataFolderSurvivesKillsAndACleanStopStopsTheDatabase() throws Exception {
        int port = freePort();
        application = start(port);
        awaitHealthy(port);
        String before = get(port, "/regiony/pomorskie").body();

        // 1. After a kill of the application, the next start reuses the data and loads the demo data only once.
        ProcessHandle orphan = postmaster().orElseThrow();
        application.destroyForcibly();
        application.waitFor();
        // The killed JVM could not stop its PostgreSQL: it still runs and holds the data folder.
        assertThat(orphan.isAlive()).isTrue();
        application = start(port);
        awaitHealthy(port);
        assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
        HttpResponse<String> after = get(port, "/regiony/pomorskie");
        assertThat(after.statusCode()).isEqualTo(200);
        // Same committee, same members: the data survived and the demo data was not loaded twice.
        assertThat(members(after.body())).isEqualTo(members(before)).isNotEmpty();

        // 2. No acknowledged write is lost when the application and its database are killed together.
        List<Integer> acknowledged = killEverythingWhileWriting();
        application = start(port);
        awaitHealthy(port);
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + databasePort() + "/postgres", "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery("select id from durability_probe")) {
            Set<Integer> kept = new HashSet<>();
            while (rows.next()) {
                kept.add(rows.getInt(1));
            }
            assertThat(acknowledged.stream().filter(id -> !kept.contains(id)).toList())
                    .as("acknowledged rows lost of %d", acknowledged.size())
                    .isEmpty();
        }
        assertThat(members(get(port, "/regiony/pomorskie").body())).isEqualTo(members(before));

        // 3. A clean stop also stops the database.
        ProcessHandle database = postmaster().orElseThrow();
        application.destroy();
        assertThat(application.waitFor()).as("exit code after SIGTERM").isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> !database.isAlive());
        assertThat(dataDir().resolve("postmaster.pid")).doesNotExist();
    }

    /**
     * Checks the embedded server's durability settings, lets a writer commit one row at a time and remember each
     * commit the server acknowledged, then kills the server, its backends and the application at once, with no
     * chance to flush; answers what was acknowledged.
     */
    private List<Integer> killEverythingWhileWriting() throws Exception {
        ProcessHandle database = postmaster().orElseThrow();
        String url = "jdbc:postgresql://localhost:" + databasePort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("create table durability_probe (id int primary key)");
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet shown = connection.createStatement().executeQuery("show " + setting)) {
                    shown.next();
                    assertThat(shown.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                    PreparedStatement insert = connection.prepareStatement("insert into durability_probe values (?)")) {
                for (int id = 1; ; id++) {
                    insert.setInt(1, id);
                    insert.executeUpdate();
                    acknowledged.add(id);
                }
            } catch (SQLException killed) {
                // The server went away mid-write: what was acknowledged before is what must survive.
            }
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= 200);
        List<ProcessHandle> all = new ArrayList<>(database.descendants().toList());
        all.add(database);
        all.add(application.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        writer.join(Duration.ofMinutes(1).toMillis());
        assertThat(writer.isAlive())
                .as("the writer noticed the server was gone")
                .isFalse();
        application.waitFor();
        return List.copyOf(acknowledged);
    }

    private Process start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(
                java,
                "-Xmx512m",
                "-jar",
                Path.of("target", "koordes.jar").toAbsolutePath().toString(),
                "--server.port=" + port,
                "--koordes.db.embedded.data-dir=" + dataDir(),
                "--logging.file.name=" + work.resolve("application.log"));
        return new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("console.log").toFile()))
                .start();
    }

    private void awaitHealthy(int port) {
        await().atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .failFast("the application exited", () -> !application.isAlive())
                .until(() -> get(port, "/actuator/health").body().contains("\"status\":\"UP\""));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded server's port, from the fourth line of its postmaster.pid. */
    private int databasePort() throws IOException {
        return Integer.parseInt(
                Files.readAllLines(dataDir().resolve("postmaster.pid")).get(3).trim());
    }

    private Path dataDir() {
        return work.resolve("data").resolve("postgres");
    }

    private Optional<ProcessHandle> postmaster() {
        File pid = dataDir().resolve("postmaster.pid").toFile();
        try {
            if (!pid.isFile()) {
                return Optional.empty();
            }
            return ProcessHandle.of(
                    Long.parseLong(Files.readAllLines(pid.toPath()).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> members(String page) {
        return page.lines()
                .filter(l -> l.contains("<th scope=\"row\">"))
                .map(String::trim)
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
