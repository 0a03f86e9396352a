package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The page {@code /szukaj}: results with the matched words marked and escaped, facets, paging, the messages for an
 * empty, too long and wordless query, hostile input (never a 500, never SQL), and the same number of statements
 * whatever the number of results shown.
 */
@IntegrationTest
@Import(TestExtensions.class)
class SearchPageIntegrationTests {

    private static final String SOURCE = "page-test";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    TestExtensions.StatementCounter statements;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from search_entry where source = :s")
                .param("s", SOURCE)
                .update();
    }

    private void put(String id, String title, String body, int year) {
        index.put(new SearchEntry(
                SOURCE, id, "article", null, year, title, body, "/test/" + id, Set.of(SearchAudience.PUBLIC)));
    }

    private static String q(String typed) {
        return "/szukaj?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8);
    }

    @Test
    void resultsMarkTheMatchedWordsAndEscapeEverythingElse() {
        put("1", "Kooperatywa <b>spożywcza</b>", "Kooperatywy <script>alert(1)</script> spożywcze w gminach.", 2026);
        SignedInClient client = new SignedInClient(port, "127.0.46.40");

        String body = client.get(q("kooperatywa")).body();

        assertThat(body).contains("<mark>Kooperatywy</mark>").contains("Kooperatywa &lt;b&gt;spożywcza&lt;/b&gt;");
        assertThat(body).doesNotContain("<script>alert(1)</script>").doesNotContain("<b>spożywcza</b>");
        assertThat(body).contains("Znaleziono 1 wynik").contains("role=\"search\"");
    }

    @Test
    void facetsNarrowAndPagesHoldTwentyResults() {
        for (int i = 1; i <= 25; i++) {
            put(String.valueOf(i), "Barć numer " + i, "Bartnicy i bartniczki w lasach.", i <= 5 ? 2024 : 2025);
        }
        SignedInClient client = new SignedInClient(port, "127.0.46.41");

        String first = client.get(q("bartnik")).body();
        assertThat(first).contains("Znaleziono 25 wyników").contains("rok=2024").contains("strona=2");
        String second = client.get(q("bartnik") + "&strona=2").body();
        assertThat(second.split("<h3><a href=\"/test/", -1)).hasSize(6);
        String year = client.get(q("bartnik") + "&rok=2024").body();
        assertThat(year).contains("Znaleziono 5 wyników").contains("aria-current=\"true\"");
    }

    @Test
    void emptyTooLongAndWordlessQueriesGetAMessage() {
        SignedInClient client = new SignedInClient(port, "127.0.46.42");

        assertThat(client.get("/szukaj").body()).contains("Wpisz słowo albo kilka słów");
        assertThat(client.get(q("   ")).body()).contains("Wpisz słowo albo kilka słów");
        // 10,000 characters: the page says the query is too long and keeps its first 500 in the box.
        HttpResponse<String> tooLong = client.get(q("spoldzielnia ".repeat(770)));
        assertThat(tooLong.statusCode()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Zapytanie jest za długie");
        // An address over the server's 16 KB (10,000 Polish letters, six bytes each encoded) is refused by Tomcat
        // before the application, with the site's own error page: still a page, never a 500.
        HttpResponse<String> tooLongForTheServer = client.get(q("ą".repeat(10_000)));
        assertThat(tooLongForTheServer.statusCode()).isEqualTo(400);
        assertThat(tooLongForTheServer.body()).contains("<html");
        assertThat(client.get(q("& | ! <-> :* ( ) \"\" '")).body()).contains("W zapytaniu nie ma słów");
        assertThat(client.get(q("spułdzielnia")).body()).contains("szukano także w podobnej pisowni");
        assertThat(client.get(q("zzqqxxyy")).body()).contains("Nic nie znaleziono dla „zzqqxxyy”");
        assertThat(client.get(q("spółdzielnia") + "&lang=en").statusCode()).isEqualTo(200);
    }

    @Test
    void hostileQueriesGiveAPageNeverAnError() {
        put("1", "Spółdzielnia socjalna", "Spółdzielnie socjalne w powiatach.", 2026);
        SignedInClient client = new SignedInClient(port, "127.0.46.43");
        List<String> hostile = NaughtyStrings.corpusAnd(List.of(
                "\"niezamknięty cudzysłów",
                "\"\"\"",
                "a & b | !c <-> d:* ( ) ' \\ \"",
                "'); drop table search_entry; --",
                "100% spółdzielni",
                "spół_dzielnia % _ \\\\ \\",
                ":*",
                "!",
                "ą".repeat(10_000),
                "x".repeat(10_000)));
        for (String typed : hostile) {
            for (String extra :
                    List.of("", "&rodzaj=" + URLEncoder.encode(typed, StandardCharsets.UTF_8), "&rok=99999")) {
                HttpResponse<String> page = client.get(q(typed) + extra);
                // A control character in the address is refused before anything runs (400); all else is a page.
                assertThat(page.statusCode()).as(typed).isIn(200, 400);
                assertThat(page.body())
                        .as(typed)
                        .doesNotContainIgnoringCase("sql")
                        .doesNotContain("tsquery");
            }
        }
        assertThat(client.get(q("spółdzielnia")).body()).contains("/test/1");
    }

    @Test
    void aResultsPageRunsTheSameStatementsWithTwoAndWithTwentyResults() {
        for (String email : List.of("", DemoAccounts.COMMITTEE_MALOPOLSKIE)) {
            SignedInClient client = email.isEmpty()
                    ? new SignedInClient(port, "127.0.46.44")
                    : DemoAccounts.signedIn(jdbc, port, email, "127.0.46.45");
            cleanUp();
            put("1", "Przędzalnia wełny", "Przędzalnie w gminach.", 2026);
            put("2", "Przędzalnia lnu", "Przędzalnie w powiatach.", 2025);
            client.get(q("przędzalnia"));
            int two = statementsFor(client, q("przędzalnia"));
            List<String> twoStatements = statements.statements();
            for (int i = 3; i <= 40; i++) {
                put(String.valueOf(i), "Przędzalnia numer " + i, "Przędzalnie w regionie.", 2000 + i % 20);
            }
            assertThat(statementsFor(client, q("przędzalnia")))
                    .as("%s: %s, then %s", email, twoStatements, statements.statements())
                    .isEqualTo(two);
            // A misspelt word adds the vocabulary lookup, one statement, whatever the results.
            assertThat(statementsFor(client, q("przendzalnia"))).isLessThanOrEqualTo(two + 1);
        }
    }

    /** The page's statements; the session's own (read, and written when its access time is due) are not the page's. */
    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return (int) statements.statements().stream()
                .filter(statement -> !statement.contains("SPRING_SESSION"))
                .count();
    }
}
