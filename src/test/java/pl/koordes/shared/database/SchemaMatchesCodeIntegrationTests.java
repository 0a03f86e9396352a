package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;

/**
 * The schema the migrations build is the schema the code reads. Nothing maps tables to classes
 * (no JPA, see docs/decisions/0001-jdbcclient-not-jpa.md), so this test reads the SQL written out in
 * {@code src/main/java} — every string literal and text block that starts like a statement — and
 * checks against the migrated database that each table it names exists, and that each column an
 * {@code insert into t (a, b)} lists exists in that table. A migration that renames or drops a table
 * or column the code still uses fails the build here rather than at the first request.
 *
 * <p>SQL assembled at run time ({@code "select … from " + table}) is not seen; keep table names in the
 * literal.
 */
@IntegrationTest
class SchemaMatchesCodeIntegrationTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /** A text block, or an ordinary string literal on one line. */
    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    private static final Pattern STATEMENT =
            Pattern.compile("^\\s*(select|insert|update|delete|with)\\b", Pattern.CASE_INSENSITIVE);
    /** A name after these keywords is a table, unless a parenthesis follows it (a function). */
    private static final Pattern TABLE =
            Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
    /** {@code extract(year from x)}, {@code a is distinct from b}: {@code from} not followed by a table. */
    private static final Pattern FROM_IN_EXPRESSION =
            Pattern.compile("\\b(?:extract|substring|trim|overlay)\\s*\\([^()]*\\)|\\bdistinct\\s+from\\b");
    /** Names a statement defines for itself: {@code with found(action) as (…)}, {@code recent as materialized (…)}. */
    private static final Pattern COMMON_TABLE =
            Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*(?:\\([^()]*\\))?\\s+as\\s+(?:not\\s+)?(?:materialized\\s+)?\\(");

    private static final Pattern INSERT_COLUMNS =
            Pattern.compile("\\binsert\\s+into\\s+([a-z_][a-z0-9_]*)\\s*\\(([^()]*)\\)");
    /** Words a keyword above can precede that are not tables ({@code on conflict do update set}). */
    private static final Set<String> NOT_TABLES = Set.of("set", "lateral", "only", "select");

    record Use(String table, String column, Path file) {}

    static List<Use> tables = new ArrayList<>();
    static List<Use> columns = new ArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void readTheCode() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .forEach(SchemaMatchesCodeIntegrationTests::read);
        }
    }

    private static void read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A statement may be built from a shared "with r as (…)" prefix held in another literal of the same
        // file, so the names a file defines for itself count for every statement of that file.
        Set<String> fileNames = new TreeSet<>();
        COMMON_TABLE.matcher(source.toLowerCase(Locale.ROOT)).results().forEach(m -> fileNames.add(m.group(1)));
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (!STATEMENT.matcher(text).find()) {
                continue;
            }
            String sql =
                    FROM_IN_EXPRESSION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
            Set<String> ownNames = new TreeSet<>(fileNames);
            COMMON_TABLE.matcher(sql).results().forEach(m -> ownNames.add(m.group(1)));
            TABLE.matcher(sql)
                    .results()
                    .map(m -> m.group(1))
                    .filter(name -> !ownNames.contains(name) && !NOT_TABLES.contains(name))
                    .forEach(name -> tables.add(new Use(name, null, file)));
            INSERT_COLUMNS.matcher(sql).results().forEach(m -> {
                for (String column : m.group(2).split(",")) {
                    columns.add(new Use(m.group(1), column.strip(), file));
                }
            });
        }
    }

    @Test
    void theCodeIsReadAtAll() {
        // Guards the scan itself: a broken pattern would find nothing and pass every check below.
        assertThat(tables).as("tables named in src/main/java").hasSizeGreaterThan(50);
        assertThat(columns).as("columns of insert statements in src/main/java").hasSizeGreaterThan(100);
    }

    @Test
    void everyTableTheCodeNamesExists() {
        List<String> missing = tables.stream()
                .filter(use -> !exists(use.table()))
                .map(use -> use.table() + " (" + use.file() + ")")
                .distinct()
                .toList();
        assertThat(missing)
                .as("tables named in SQL in src/main/java but absent after the migrations")
                .isEmpty();
    }

    @Test
    void everyColumnAnInsertListsExists() {
        List<String> missing = columns.stream()
                .filter(use -> exists(use.table()) && !hasColumn(use.table(), use.column()))
                .map(use -> use.table() + "." + use.column() + " (" + use.file() + ")")
                .distinct()
                .toList();
        assertThat(missing)
                .as("columns inserted by src/main/java but absent after the migrations")
                .isEmpty();
    }

    private boolean exists(String table) {
        // to_regclass looks the name up along the search path, so pg_catalog tables count too.
        return jdbc.sql("select to_regclass(:name) is not null")
                .param("name", table)
                .query(Boolean.class)
                .single();
    }

    private boolean hasColumn(String table, String column) {
        return jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = current_schema() and table_name = :table and column_name = :column
                        """)
                        .param("table", table)
                        .param("column", column)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
