package pl.koordes.postulates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the public accountability tests share: generated postulates and reading the list's page. */
final class PublicTesting {

    private static final Pattern ROW_LINK = Pattern.compile("<td data-label=\"[^\"]*\"><a href=\"/postulaty/(\\d+)\">");

    private PublicTesting() {}

    /** Adds {@code n} generated postulates with steps, signatures and answers (bench/postulates.sql). */
    static void generate(JdbcClient jdbc, int n) {
        String sql;
        try {
            sql = Files.readString(Path.of("bench/postulates.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String statement : sql.replace(":n", Integer.toString(n)).split(";\\s*\n")) {
            String body = statement
                    .lines()
                    .filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .strip();
            if (!body.isEmpty()) {
                jdbc.sql(body).update();
            }
        }
    }

    static void removeGenerated(JdbcClient jdbc) {
        jdbc.sql("delete from postulates_postulate where title like 'Postulat generowany %'")
                .update();
    }

    /** The postulate ids the list's table links to, in order. */
    static List<Long> ids(String html) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = ROW_LINK.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return new ArrayList<>(ids);
    }
}
