package pl.koordes.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code java -jar koordes.jar backup <file>}: a backup of the embedded database in {@code pg_dump}'s custom
 * format, restorable with {@code pg_restore} into any PostgreSQL 14 or later (docs/operations.md, "The embedded
 * database"). While the application runs, its server is dumped as it is (a consistent snapshot; the application
 * keeps working); when it does not, the server is started on the folder for the dump and stopped after it.
 *
 * <p>The embedded binaries have no {@code pg_dump}: the one of an installed PostgreSQL client (14 or later) is
 * used, found on the {@code PATH}, under {@code /usr/lib/postgresql/<version>/bin} or in {@code KOORDES_PG_DUMP}.
 */
public final class EmbeddedBackup {

    private static final String DATA_DIR = "--koordes.db.embedded.data-dir=";

    private EmbeddedBackup() {}

    /**
     * Runs the command; returns the process's exit status.
     *
     * @param args {@code backup <file> [--koordes.db.embedded.data-dir=<folder>]}
     */
    public static int run(String[] args, PrintStream out) {
        List<String> files =
                Stream.of(args).skip(1).filter(arg -> !arg.startsWith("--")).toList();
        if (files.size() != 1) {
            out.println("Usage: java -jar koordes.jar backup <file> [" + DATA_DIR + "data/postgres]");
            return 2;
        }
        Path dataDir = Stream.of(args)
                .filter(arg -> arg.startsWith(DATA_DIR))
                .map(arg -> Path.of(arg.substring(DATA_DIR.length())))
                .reduce((first, second) -> second)
                .orElse(Path.of("data", "postgres"))
                .toAbsolutePath();
        Path file = Path.of(files.getFirst()).toAbsolutePath();
        try {
            return backup(dataDir, file, out);
        } catch (IOException e) {
            out.println("Backup failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Dumps the embedded database kept in {@code dataDir} into {@code file}; returns pg_dump's exit status. */
    static int backup(Path dataDir, Path file, PrintStream out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(dataDir.resolve("postgresql.conf"))) {
            out.println("No embedded database in " + dataDir + " (start the application once, or name the folder with "
                    + DATA_DIR + ")");
            return 2;
        }
        Optional<Path> pgDump = pgDump();
        if (pgDump.isEmpty()) {
            out.println("pg_dump (PostgreSQL 14 or later) was not found: install the PostgreSQL client"
                    + " (Debian: apt install postgresql-client) or set KOORDES_PG_DUMP to its path");
            return 2;
        }
        if (StalePostmaster.running(dataDir).isPresent()) {
            int port = Integer.parseInt(
                    StalePostmaster.postmasterPid(dataDir).get(3).trim());
            return dump(pgDump.get(), port, file, out);
        }
        try (EmbeddedPostgres postgres = EmbeddedDatabaseConfiguration.start(dataDir, 0)) {
            return dump(pgDump.get(), postgres.getPort(), file, out);
        }
    }

    private static int dump(Path pgDump, int port, Path file, PrintStream out)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        pgDump.toString(),
                        "--host=127.0.0.1",
                        "--port=" + port,
                        "--username=postgres",
                        "--no-password",
                        "--format=custom",
                        "--file=" + file,
                        "postgres")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        out.print(output);
        out.println(
                status == 0
                        ? "Backup written to " + file + " (" + Files.size(file) + " bytes)"
                        : "pg_dump failed with status " + status);
        return status;
    }

    /** The newest pg_dump found: KOORDES_PG_DUMP, then Debian's versioned folders, then the PATH. */
    static Optional<Path> pgDump() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KOORDES_PG_DUMP");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path dir) ->
                                        Integer.parseInt(dir.getFileName().toString()))
                                .reversed())
                        .map(dir -> dir.resolve("bin/pg_dump"))
                        .forEach(candidates::add);
            }
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "pg_dump"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
