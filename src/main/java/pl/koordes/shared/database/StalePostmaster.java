package pl.koordes.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the application was killed (not stopped), its PostgreSQL child keeps running and holds the
 * data folder. Before a new start we ask that orphan to shut down cleanly, so that the data folder
 * is reused instead of refused.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> process = running(dataDir);
        if (process.isEmpty()) {
            // No owner, or a dead one: PostgreSQL itself recovers from the stale lock file and its WAL.
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn(
                "A PostgreSQL server (pid {}) from an earlier run still holds {}; stopping it cleanly",
                postmaster.pid(),
                dataDir);
        // SIGTERM is PostgreSQL's "smart" shutdown: it waits for clients, which died with the old JVM.
        postmaster.destroy();
        Instant deadline = Instant.now().plus(SHUTDOWN_WAIT);
        while (postmaster.isAlive() && Instant.now().isBefore(deadline)) {
            postmaster
                    .onExit()
                    .completeOnTimeout(postmaster, 500, TimeUnit.MILLISECONDS)
                    .join();
        }
        if (postmaster.isAlive()) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; forcing it", postmaster.pid(), SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        }
    }

    /** The live PostgreSQL server that holds the data folder, if there is one (its {@code postmaster.pid}). */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        List<String> lines = postmasterPid(dataDir);
        return (lines.isEmpty() ? Optional.<ProcessHandle>empty() : parsePid(lines.getFirst()))
                .filter(process -> process.isAlive() && isPostgres(process));
    }

    /** The lines of the folder's {@code postmaster.pid} (the fourth is the port), none when there is no such file. */
    static List<String> postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        return Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
    }

    private static Optional<ProcessHandle> parsePid(String line) {
        try {
            return ProcessHandle.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }
}
