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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application with its embedded PostgreSQL, run as a separate process the way a user
 * runs it: it stops the database when it stops, and starts again cleanly after being killed.
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
        assertThat(Path.of("target", "koordes.jar")).as("the jar built by 'package'").exists();
    }

    @AfterEach
    void stop() {
        if (application != null && application.isAlive()) {
            application.destroyForcibly();
        }
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aCleanStopAlsoStopsTheDatabase() throws Exception {
        int port = freePort();
        application = start(port);
        awaitHealthy(port);
        ProcessHandle database = postmaster().orElseThrow();

        application.destroy();
        assertThat(application.waitFor()).as("exit code after SIGTERM").isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> !database.isAlive());
        assertThat(dataDir().resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void afterAKillTheNextStartReusesTheDataAndLoadsDemoDataOnlyOnce() throws Exception {
        int port = freePort();
        application = start(port);
        awaitHealthy(port);
        String before = get(port, "/regiony/pomorskie").body();
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
    }

    private Process start(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx512m", "-jar", Path.of("target", "koordes.jar").toAbsolutePath().toString(),
                "--server.port=" + port,
                "--koordes.db.embedded.data-dir=" + dataDir(),
                "--logging.file.name=" + work.resolve("application.log"));
        return new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()))
                .start();
    }

    private void awaitHealthy(int port) {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("the application exited", () -> !application.isAlive())
                .until(() -> get(port, "/actuator/health").body().contains("\"status\":\"UP\""));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
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
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid.toPath()).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> members(String page) {
        return page.lines().filter(l -> l.contains("<th scope=\"row\">")).map(String::trim).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
