package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;

/** The page shell's promises, checked over real HTTP: languages, headers, errors, caching, compression. */
@IntegrationTest
class WebBehaviourIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void pagesArePolishByDefaultWithSkipLinkNavigationAndFooter() {
        HttpResponse<String> response = http.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(response.body())
                .contains("<html lang=\"pl\">")
                .contains("<a class=\"skip-link\" href=\"#main\">Przejdź do treści</a>")
                .contains("<main id=\"main\"")
                .contains("<nav class=\"site-nav\" aria-label=\"Menu główne\">")
                .contains("<footer")
                .contains("href=\"/?lang=en\"")
                .doesNotContain("<script");
    }

    @Test
    void theLanguageSwitchKeepsThePageAndIsRemembered() {
        HttpResponse<String> english = http.get("/regiony/slaskie?lang=en");
        assertThat(english.body())
                .contains("<html lang=\"en\">")
                .contains("<h1>Silesian Voivodeship</h1>")
                .contains("href=\"/regiony/slaskie?lang=pl\"");
        String cookie = english.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("koordes_lang=en").contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> remembered = http.get("/regiony", "Cookie", "koordes_lang=en");
        assertThat(remembered.body()).contains("<html lang=\"en\">").contains("16 regions in 7 macroregions");
    }

    @Test
    void anUnknownLanguageGivesPolish() {
        assertThat(http.get("/?lang=de").body()).contains("<html lang=\"pl\">");
        assertThat(http.get("/?lang=%3Cscript%3E").body())
                .contains("<html lang=\"pl\">")
                .doesNotContain("<script>");
        assertThat(http.get("/", "Cookie", "koordes_lang=xx").body()).contains("<html lang=\"pl\">");
        assertThat(http.get("/", "Accept-Language", "en-US").body()).contains("<html lang=\"pl\">");
    }

    @Test
    void errorPagesSpeakTheReadersLanguage() {
        HttpResponse<String> english = http.get("/no-such-page?lang=en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Page not found");
        HttpResponse<String> polish = http.get("/no-such-page");
        assertThat(polish.body()).contains("Nie znaleziono strony");
    }

    @Test
    void everyAnswerCarriesSecurityHeadersIncludingErrors() {
        for (String path : new String[] {"/", "/regiony/malopolskie", "/no-such-page", "/actuator/prometheus"}) {
            HttpResponse<String> response = http.get(path);
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(path)
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void malformedOrOversizedRequestsGetA4xxNeverA500() {
        assertThat(status(http.raw("GET /regiony/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")))
                .isEqualTo(400);
        assertThat(status(http.raw("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                        + "\r\nConnection: close\r\n\r\n")))
                .isBetween(400, 499);
        assertThat(status(http.raw(
                        "GET /" + "x".repeat(60_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")))
                .isBetween(400, 499);
        assertThat(status(http.raw("BREW / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")))
                .isBetween(400, 499);
        assertThat(status(http.raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n")))
                .isBetween(400, 499);
        HttpResponse<String> bigPost = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "b".repeat(3_000_000)))
                .build());
        assertThat(bigPost.statusCode()).isBetween(400, 499);
        HttpResponse<String> garbage =
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/regiony"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\": [1, 2"))
                        .build());
        assertThat(garbage.statusCode()).isBetween(400, 499);
        assertThat(http.get("/regiony?page=-1&sort=%3Cx%3E").statusCode()).isEqualTo(200);
        assertThat(http.get("/regiony?sort=%00%ff").statusCode()).isBetween(200, 499);
    }

    @Test
    void staticFilesAreFingerprintedCachedForAYearAndCompressed() {
        String home = http.get("/").body();
        Matcher css = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(home);
        assertThat(css.find()).as("fingerprinted stylesheet link").isTrue();
        HttpResponse<byte[]> stylesheet = http.getBytes(css.group(1), "Accept-Encoding", "gzip");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(stylesheet.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<byte[]> page = http.getBytes("/", "Accept-Encoding", "gzip");
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.body().length).isLessThan(home.length() / 2);
    }

    @Test
    void healthIsPublicAndSmallWhileMetricsAreNot() {
        HttpResponse<String> health = http.get("/actuator/health", "Accept", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .doesNotContain("db")
                .hasSizeLessThan(200);
        for (String path :
                new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator/env"}) {
            assertThat(http.get(path, "Accept", "application/json").statusCode())
                    .as(path)
                    .isIn(401, 403, 404);
        }
    }

    private static int status(String statusLine) {
        String[] parts = statusLine.split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }
}
