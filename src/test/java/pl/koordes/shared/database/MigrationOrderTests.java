package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations cannot trap an operator: a new migration whose version sorts below one a database has
 * already applied makes Flyway refuse to start there. Versions are plain increasing numbers (a new
 * one is the highest + 1), and {@code db/migration-order.txt} lists every migration in the order it
 * was added; this test holds the two together.
 */
class MigrationOrderTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path LEDGER = Path.of("src/main/resources/db/migration-order.txt");
    /** {@code V<number>__<module>_<what>.sql}: one number, no dots, so versions compare as numbers. */
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z][a-z0-9_]*\\.sql");

    @Test
    void everyMigrationIsNamedWithOneNumberAndAModule() throws IOException {
        for (String file : files()) {
            assertThat(file)
                    .as("migration file name in %s (V<number>__<module>_<what>.sql)", MIGRATIONS)
                    .matches(NAME);
        }
    }

    @Test
    void everyMigrationIsInTheLedgerAndEveryLineIsAMigration() throws IOException {
        List<String> files = files();
        List<String> ledger = ledger();
        assertThat(files)
                .as("migrations missing from %s: append each new one at its end", LEDGER)
                .isSubsetOf(ledger);
        assertThat(ledger)
                .as("lines of %s without a migration file (released migrations are never deleted)", LEDGER)
                .isSubsetOf(files);
        assertThat(ledger).as("%s lists a migration twice", LEDGER).doesNotHaveDuplicates();
    }

    @Test
    void eachMigrationAddedSortsAboveEveryOneBeforeIt() throws IOException {
        long highest = -1;
        String previous = null;
        for (String line : ledger()) {
            long version = version(line);
            if (version <= highest) {
                fail(
                        "%s has version %d, not above %s before it in %s: a database that applied that one would "
                                + "refuse to start. Rename it to V%d__… (the highest version + 1).",
                        line, version, previous, LEDGER, maxVersion() + 1);
            }
            highest = version;
            previous = line;
        }
    }

    private static long version(String file) {
        Matcher name = NAME.matcher(file);
        assertThat(name.matches())
                .as("%s in %s is named V<number>__<module>_<what>.sql", file, LEDGER)
                .isTrue();
        return Long.parseLong(name.group(1));
    }

    private static long maxVersion() throws IOException {
        long max = 0;
        for (String file : files()) {
            Matcher name = NAME.matcher(file);
            if (name.matches()) {
                max = Math.max(max, Long.parseLong(name.group(1)));
            }
        }
        return max;
    }

    private static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> ledger() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LEDGER)) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                lines.add(entry);
            }
        }
        return lines;
    }
}
