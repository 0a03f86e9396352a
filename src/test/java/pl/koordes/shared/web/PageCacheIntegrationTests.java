package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The anonymous page cache as visitors meet it: a public page is given out again for a few seconds,
 * yet every visitor's form carries a token of their own that the application accepts, signed-in people
 * never see a cached page, a change made through the application shows at once and one made behind its
 * back within the time to live.
 */
@IntegrationTest
// Production-like: the same settings as PagePlaceholdersIntegrationTests, so that both share one application.
@TestPropertySource(
        properties = {
            "koordes.web.page-cache.enabled=true",
            "koordes.web.page-cache.ttl=3s",
            "koordes.content.hide-placeholders=true"
        })
class PageCacheIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");
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
    void everyVisitorGetsATokenOfTheirOwnAndTheFormOfACachedPageIsAccepted() {
        SignedInClient first = new SignedInClient(port, "127.0.5.4");
        SignedInClient second = new SignedInClient(port, "127.0.5.5");
        String firstToken = token(first.get(article()).body());
        HttpResponse<String> cached = second.get(article());
        String secondToken = token(cached.body());

        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(first.cookie("KOORDES_CSRF")).isPresent();
        assertThat(second.cookie("KOORDES_CSRF")).isPresent().isNotEqualTo(first.cookie("KOORDES_CSRF"));
        assertThat(cached.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
        assertThat(second.session()).isNull();

        HttpResponse<String> sent = second.post(
                article() + "/komentarze",
                "title",
                "Głos z powiatu",
                "body",
                "Potrzebujemy doradztwa dla nowych przedsiębiorstw społecznych.",
                "signature",
                "Radny");
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(sent)).contains("komentarz=oczekuje");

        // Someone else's token from the same cached page does not match this visitor's cookie.
        SignedInClient third = new SignedInClient(port, "127.0.5.6");
        third.get(article());
        HttpResponse<String> forged = third.postWithoutCsrf(
                article() + "/komentarze",
                "_csrf",
                firstToken,
                "title",
                "Cudzy token",
                "body",
                "Treść",
                "signature",
                "Ktoś");
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void aCachedAnswerCarriesTheSameHeadersAsAFreshOne() {
        HttpResponse<String> fresh = new SignedInClient(port, "127.0.5.7").get(article());
        HttpResponse<String> cached = new SignedInClient(port, "127.0.5.8").get(article());
        assertThat(SignedInClient.withoutCsrfTokens(cached.body()))
                .isEqualTo(SignedInClient.withoutCsrfTokens(fresh.body()));
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
    }

    @Test
    void aCachedPageIsSentCompressedWithTheVisitorsOwnTokenInside() throws Exception {
        Http http = new Http(port);
        String fresh = http.get(article()).body();
        HttpResponse<byte[]> compressed = http.getBytes(article(), "Accept-Encoding", "gzip, deflate, br");
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // GZIPInputStream checks the trailer's checksum and length too.
        String page;
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(page).contains(escaped(title));
        assertThat(SignedInClient.withoutCsrfTokens(page)).isEqualTo(SignedInClient.withoutCsrfTokens(fresh));
        String cookie = compressed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("KOORDES_CSRF="))
                .findFirst()
                .orElseThrow();

        // That token, with its cookie, is accepted by the comment form.
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + article() + "/komentarze"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(token(page), StandardCharsets.UTF_8)
                                + "&title=Skompresowana&body=Tre%C5%9B%C4%87+z+ekranu&signature=Go%C5%9B%C4%87"))
                .build());
        assertThat(sent.statusCode()).isEqualTo(302);

        HttpResponse<byte[]> refused = http.getBytes(article(), "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains(escaped(title));
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

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }
}
