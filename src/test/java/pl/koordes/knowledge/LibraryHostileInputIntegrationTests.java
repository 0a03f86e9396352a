package pl.koordes.knowledge;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every line of the Big List of Naughty Strings in every field of the library's form (the text fields alone, then
 * every field at once) and in every filter parameter of the list: never a server error, nothing executed; what is
 * stored comes back escaped, on the list, the page and the edit form.
 */
@IntegrationTest
class LibraryHostileInputIntegrationTests {

    private static final String PREFIX = "Wrogi dokument";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE library_document; --",
            "%_\\",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "javascript:alert(1)",
            "x".repeat(60000));

    private static final List<String> FIELDS = List.of(
            "kind",
            "title",
            "description",
            "tags",
            "regionId",
            "year",
            "institutionId",
            "externalUrl",
            "eventId",
            "advisoryCaseId",
            "postulateId",
            "programmeRegionId",
            "related",
            "publicDocument",
            "readerRoles",
            "readerRegions",
            "removeFile",
            "version");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LibraryTesting testing;

    @BeforeEach
    void setUp() {
        testing = new LibraryTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void everyFieldAndFilterTakesEveryStringAndGivesItBackEscaped() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.80");
        editor.get("/biblioteka/nowy");
        SoftAssertions softly = new SoftAssertions();
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        for (String line : lines) {
            HttpResponse<String> texts = editor.post(
                    "/biblioteka/nowy",
                    LibraryTesting.fields(PREFIX + " " + line, "", "description", line, "tags", line));
            softly.assertThat(texts.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(texts.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            String[] every = new String[FIELDS.size() * 2];
            for (int i = 0; i < FIELDS.size(); i++) {
                every[2 * i] = FIELDS.get(i);
                every[2 * i + 1] = FIELDS.get(i).equals("title") ? PREFIX + " " + line : line;
            }
            HttpResponse<String> all = editor.post("/biblioteka/nowy", every);
            // 413: eighteen fields of 60,000 characters are over the form's size limit (1 MB), refused by the server.
            softly.assertThat(all.statusCode()).as(line).isIn(302, 422, 413);
            softly.assertThat(all.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            String encoded = URLEncoder.encode(line, StandardCharsets.UTF_8);
            HttpResponse<String> list = editor.get("/biblioteka?q=" + encoded + "&tag=" + encoded + "&rodzaj=" + encoded
                    + "&region=" + encoded + "&rok=" + encoded + "&strona=" + encoded);
            softly.assertThat(list.statusCode()).as(line).isIn(200, 400);
            softly.assertThat(list.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        HttpResponse<String> list = editor.get("/biblioteka?q=" + URLEncoder.encode(PREFIX, StandardCharsets.UTF_8));
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body()).doesNotContain("<script>alert", "<img src=x");
        long hostile = testing.idOf(PREFIX + " <script>alert(123)</script>");
        for (String path : List.of("/biblioteka/" + hostile, "/biblioteka/" + hostile + "/edycja")) {
            HttpResponse<String> page = editor.get(path);
            softly.assertThat(page.statusCode()).as(path).isEqualTo(200);
            softly.assertThat(page.body()).as(path).contains("&lt;script&gt;alert(123)&lt;/script&gt;");
            softly.assertThat(page.body()).as(path).doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertThat(jdbc.sql("select count(*) from library_document")
                        .query(Long.class)
                        .single())
                .isPositive();

        // Hostile ids: not found or refused, never a server error.
        for (String path : List.of(
                "/biblioteka/abc",
                "/biblioteka/99999999999999999999",
                "/biblioteka/-1",
                "/biblioteka/-1/plik",
                "/biblioteka/abc/edycja",
                "/biblioteka?strona=99999999999")) {
            softly.assertThat(editor.get(path).statusCode()).as(path).isIn(200, 400, 404);
        }
        softly.assertAll();
    }
}
