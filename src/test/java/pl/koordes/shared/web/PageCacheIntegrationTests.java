package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The anonymous page cache as visitors meet it: a public page is given out again for a few seconds, the
 * same bytes for everyone, signed-in people never see a cached page, a change made through the
 * application shows at once and one made behind its back within the time to live, and many visitors at
 * once cost one rendering.
 */
@IntegrationTest
@Import(TestExtensions.class)
// Production-like: the same settings as PagePlaceholdersIntegrationTests, so that both share one application.
@TestPropertySource(
        properties = {
            "koordes.web.page-cache.enabled=true",
            "koordes.web.page-cache.ttl=3s",
            "koordes.content.hide-placeholders=true"
        })
class PageCacheIntegrationTests {

    private static final List<String> SECURITY_HEADERS = List.of(
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Permissions-Policy",
            "Cross-Origin-Opener-Policy",
            "Cache-Control",
            "Content-Type");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnonymousPageCache cache;

    private String slug;
    private String title;

    @BeforeEach
    void anArticle() {
        cache.clear();
        slug = jdbc.sql(
                        "select slug from article where status = 'PUBLISHED' and published_at < now() order by id limit 1")
                .query(String.class)
                .single();
        title = jdbc.sql("select title from article where slug = :slug")
                .param("slug", slug)
                .query(String.class)
                .single();
    }

    @AfterEach
    void restoreTitle() {
        jdbc.sql("update article set title = :title where slug = :slug")
                .param("title", title)
                .param("slug", slug)
                .update();
    }

    @Test
    void aVisitorGetsThePageOfAMomentAgoAndAChangeMadeThroughTheApplicationShowsAtOnce() {
        // Signing in is a change too (it would empty the cache), so it comes first.
        SignedInClient editor = new SignedInClient(port, "127.0.5.2");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        SignedInClient visitor = new SignedInClient(port, "127.0.5.1");
        assertThat(visitor.get(article()).body()).contains(escaped(title));

        String changed = title + " (zmiana w bazie)";
        retitle(changed);
        assertThat(visitor.get(article()).body())
                .as("given out from the cache")
                .contains(escaped(title))
                .doesNotContain(escaped(changed));
        assertThat(editor.get(article()).body())
                .as("signed-in people get a fresh page")
                .contains(escaped(changed));

        // Any successful change through this node (here a visitor's comment) empties the cache.
        HttpResponse<String> comment = visitor.post(
                article() + "/komentarze",
                "title",
                "Pytanie o spółdzielnie",
                "body",
                "Czy w powiecie działa już spółdzielnia socjalna?",
                "signature",
                "Czytelniczka");
        assertThat(SignedInClient.location(comment)).contains("komentarz=oczekuje");
        assertThat(visitor.get(article()).body()).contains(escaped(changed));
    }

    @Test
    void aChangeMadeBehindTheApplicationsBackShowsWithinTheTimeToLive() {
        SignedInClient visitor = new SignedInClient(port, "127.0.5.3");
        assertThat(visitor.get(article()).body()).contains(escaped(title));
        String changed = title + " (zmiana na innym węźle)";
        retitle(changed);
        assertThat(visitor.get(article()).body()).doesNotContain(escaped(changed));
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> visitor.get(article()).body().contains(escaped(changed)));
    }

    @Test
    void aCachedAnswerIsTheFreshOneByteForByteWithTheSameHeaders() {
        HttpResponse<String> fresh = new SignedInClient(port, "127.0.53.20").get(article());
        HttpResponse<String> cached = new SignedInClient(port, "127.0.53.21").get(article());
        assertThat(cached.body()).isEqualTo(fresh.body());
        for (String header : SECURITY_HEADERS) {
            assertThat(cached.headers().allValues(header))
                    .as(header)
                    .isNotEmpty()
                    .isEqualTo(fresh.headers().allValues(header));
        }
        // Each answer has its own request id (shared.observability.RequestIdFilter), never the recorded one.
        assertThat(cached.headers().allValues("X-Request-Id"))
                .hasSize(1)
                .doesNotContainAnyElementsOf(fresh.headers().allValues("X-Request-Id"));
        assertThat(cached.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aCachedPageIsSentCompressedOnceAndPlainToWhoeverRefusesGzip() throws Exception {
        Http http = new Http(port);
        String fresh = http.get(article()).body();
        HttpResponse<byte[]> compressed = http.getBytes(article(), "Accept-Encoding", "gzip, deflate, br");
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // GZIPInputStream checks the trailer's checksum and length too.
        String page;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(page).isEqualTo(fresh).contains(escaped(title));

        HttpResponse<byte[]> refused = http.getBytes(article(), "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(fresh);
    }

    @Test
    void manyVisitorsAtOnceCostOneRenderingBothForANewPageAndForAnExpiredOne() throws Exception {
        long before = cache.renderings();
        assertThat(atOnce(24)).containsOnly(200);
        assertThat(cache.renderings() - before)
                .as("renderings of a page nobody had asked for")
                .isEqualTo(1);

        // Past its time to live (3 s here), one request renders it again; the others get the copy they had.
        await().pollDelay(Duration.ofMillis(3200)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long expired = cache.renderings();
        assertThat(atOnce(24)).containsOnly(200);
        assertThat(cache.renderings() - expired)
                .as("renderings of an expired page")
                .isEqualTo(1);
    }

    /** Statuses of that many anonymous GETs of the article sent together. */
    private List<Integer> atOnce(int visitors) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(visitors)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < visitors; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return new Http(port).get(article()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        }
    }

    @Test
    void pagesAreKeptPerLanguage() {
        SignedInClient polish = new SignedInClient(port, "127.0.5.9");
        SignedInClient english = new SignedInClient(port, "127.0.5.10");
        english.cookie("koordes_lang", "en");
        for (int i = 0; i < 2; i++) {
            assertThat(polish.get("/aktualnosci").body()).contains("<html lang=\"pl\"");
            assertThat(english.get("/aktualnosci").body()).contains("<html lang=\"en\"");
        }
    }

    @Test
    void aMalformedAddressIsRefusedWithTheSecurityHeadersAsWithoutTheCache() {
        for (String path : List.of("/aktualnosci?sort=%C3%28", "/wydarzenia?strona=%FF", "/aktualnosci?lang=%C3%28")) {
            HttpResponse<String> answer = new Http(port).get(path, "Accept", "text/html");
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .isPresent();
            assertThat(answer.body()).as(path).contains("lang=\"pl\"");
        }
    }

    @Test
    void aPageThatIsNotPublicIsNeverGivenOutAgain() {
        SignedInClient visitor = new SignedInClient(port, "127.0.5.11");
        String challenge = visitor.get("/komentarze/wyzwanie", "Accept", "application/json")
                .body();
        assertThat(visitor.get("/komentarze/wyzwanie", "Accept", "application/json")
                        .body())
                .isNotEqualTo(challenge);
    }

    private String article() {
        return "/aktualnosci/" + slug;
    }

    private void retitle(String newTitle) {
        jdbc.sql("update article set title = :title where slug = :slug")
                .param("title", newTitle)
                .param("slug", slug)
                .update();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&#34;")
                .replace("'", "&#39;")
                .replace("<", "&lt;");
    }
}
