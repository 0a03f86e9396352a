package pl.koordes.knowledge;

import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every line of the Big List of Naughty Strings in every text field of the discussions (a thread's title, text and
 * documents, a reply, an edit, a group's name, description and members, a hiding reason), and hostile ids and page
 * numbers: never a server error, nothing executed, and what is stored comes back escaped or sanitised.
 */
@IntegrationTest
class DiscussionsHostileInputIntegrationTests {

    private static final String PREFIX = "Wrogi wątek";
    private static final String NETWORK = "/dyskusje/siec-koordynatorow";
    private static final String[] HOSTILE = {"<script>alert", "<img src=x", "href=\"javascript:", "src=\"javascript:"};

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "[klik](javascript:alert(1))",
            "'; DROP TABLE discussion_post; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "@Stefan Koordynacyjny @@@ @",
            "x".repeat(60000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    DiscussionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new DiscussionsTesting(jdbc, port, accounts, index);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackSafely() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.45.20");
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.45.21");
        kinga.submit(NETWORK + "/nowy-watek", NETWORK + "/nowy-watek", "title", PREFIX + " główny", "body", "Start.");
        long thread = testing.thread(PREFIX + " główny");
        String base = NETWORK + "/watki/" + thread;
        long own = testing.lastPost(thread);
        SoftAssertions softly = new SoftAssertions();
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        kinga.get(NETWORK + "/nowy-watek");
        editor.get("/dyskusje/nowa-grupa");
        for (String line : lines) {
            for (HttpResponse<String> answer : List.of(
                    kinga.post(NETWORK + "/nowy-watek", "title", PREFIX + " " + line, "body", line),
                    kinga.post(NETWORK + "/nowy-watek", "title", PREFIX + " dokumenty", "body", "x", "documents", line),
                    kinga.post(base + "/odpowiedz", "body", line, "quotedPostId", "" + own),
                    kinga.post(base + "/odpowiedz", "body", "x", "documents", line),
                    kinga.post(base + "/wpisy/" + own + "/edycja", "body", line, "documents", line, "version", "x"),
                    editor.post(
                            "/dyskusje/nowa-grupa", "name", PREFIX + " " + line, "description", line, "members", line),
                    editor.post(base + "/wpisy/" + own + "/ukryj", "potwierdzenie", "tak", "reason", line))) {
                softly.assertThat(answer.statusCode()).as(line).isIn(302, 409, 422);
                softly.assertThat(answer.body()).as(line).doesNotContain(HOSTILE);
            }
            editor.post(base + "/wpisy/" + own + "/przywroc");
        }
        int pages = (int) Math.ceil(jdbc.sql("select post_count from discussion_thread where id = :t")
                        .param("t", thread)
                        .query(Integer.class)
                        .single()
                / 50.0);
        for (int n = 1; n <= pages; n++) {
            HttpResponse<String> page = kinga.get(base + "?strona=" + n);
            softly.assertThat(page.statusCode()).isEqualTo(200);
            softly.assertThat(page.body()).doesNotContain(HOSTILE);
        }
        for (String path : List.of(NETWORK, NETWORK + "?strona=2", "/dyskusje")) {
            HttpResponse<String> page = editor.get(path);
            softly.assertThat(page.statusCode()).as(path).isEqualTo(200);
            softly.assertThat(page.body()).as(path).doesNotContain(HOSTILE);
        }
        // Stored as typed; the sanitiser leaves raw HTML out of the page (checked on every page above).
        softly.assertThat(jdbc.sql("select count(*) from discussion_post where thread_id = :t and body = :b")
                        .param("t", thread)
                        .param("b", "<script>alert(123)</script>")
                        .query(Long.class)
                        .single())
                .isPositive();
        for (String path : List.of(
                NETWORK + "/watki/abc",
                NETWORK + "/watki/99999999999999999999",
                NETWORK + "/watki/" + thread + "/wpisy/abc/edycja",
                NETWORK + "/watki/" + thread + "?cytat=abc",
                "/dyskusje/%3Cscript%3E",
                "/dyskusje/nieznana",
                "/dyskusje/komitet-slaskie/watki/" + thread)) {
            softly.assertThat(kinga.get(path).statusCode()).as(path).isBetween(400, 499);
        }
        softly.assertThat(kinga.get(base + "?strona=-5").statusCode()).isEqualTo(200);
        softly.assertThat(kinga.get(base + "?strona=99999999999").statusCode()).isEqualTo(200);
        softly.assertAll();
    }
}
