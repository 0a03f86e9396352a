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
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst());
        if (process.isEmpty() || !process.get().isAlive() || !isPostgres(process.get())) {
            // A dead owner: PostgreSQL itself recovers from the stale lock file and its WAL.
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
