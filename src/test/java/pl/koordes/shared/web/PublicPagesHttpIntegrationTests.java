package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
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
 * Issue 19, item 1: public pages are plain HTTP that any cache can keep. An anonymous visitor's page sets no
 * cookie and carries no per-visitor token; a public page answers {@code Cache-Control: public}, a validator and
 * {@code 304} to a conditional request without a statement or a rendering; signed-in answers stay {@code
 * no-store}; anonymous forms are refused when a browser says they come from another site, and work from the
 * site itself.
 */
@IntegrationTest
@Import(TestExtensions.class)
// The same settings as PageCacheIntegrationTests and PagePlaceholdersIntegrationTests: one application for the three.
@TestPropertySource(
        properties = {
            "koordes.web.page-cache.enabled=true",
            "koordes.web.page-cache.ttl=3s",
            "koordes.content.hide-placeholders=true"
        })
class PublicPagesHttpIntegrationTests {

    private static final String FOREIGN = "https://zly.example";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnonymousPageCache cache;

    @Autowired
    TestExtensions.StatementCounter statements;

    private String article;
    private long event;

    @BeforeEach
    void samples() {
        cache.clear();
        article = "/aktualnosci/"
                + jdbc.sql("select slug from article where status = 'PUBLISHED' and published_at < now()"
                                + " order by id limit 1")
                        .query(String.class)
                        .single();
        // An event anyone may register for, with seats of one kind (no choice of seat to make), open now.
        event = jdbc.sql("select min(id) from event where status = 'PUBLISHED' and starts_at > now()"
                        + " and audience = 'ANYONE' and format = 'IN_PERSON' and region_quota is null"
                        + " and seats_on_site > (select count(*) from event_registration r where r.event_id = event.id)"
                        + " and coalesce(registration_opens_at, now()) <= now()"
                        + " and coalesce(registration_closes_at, starts_at) > now()")
                .query(Long.class)
                .single();
    }

    @Test
    void noPageAVisitorReadsSetsACookieOrCarriesAToken() {
        List<String> pages = List.of(
                "/",
                "/aktualnosci",
                article,
                "/regiony",
                "/regiony/malopolskie",
                "/wydarzenia",
                "/wydarzenia/" + event,
                "/wydarzenia/" + event + "/zapis",
                "/biblioteka",
                "/szukaj?q=ekonomia",
                "/postulaty",
                "/monitoring",
                "/logowanie",
                "/rejestracja",
                "/haslo/przypomnij");
        SignedInClient visitor = new SignedInClient(port, "127.0.53.10");
        for (String page : pages) {
            // Twice: rendered, then (for a public page) given out from memory.
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> answer = visitor.get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                assertThat(answer.headers().allValues("Set-Cookie")).as(page).isEmpty();
                assertThat(answer.body()).as(page).doesNotContainPattern("name=\"_csrf\" value=\"[^\"]+\"");
            }
        }
        assertThat(visitor.session()).isNull();
    }

    @Test
    void aPublicPageIsCacheableByAnyCacheAndASignedInOneByNone() {
        for (String page :
                List.of("/", article, "/regiony/malopolskie", "/wydarzenia", "/biblioteka", "/szukaj?q=rada")) {
            HttpResponse<String> answer = new Http(port).get(page, "Accept", "text/html");
            assertThat(answer.headers().firstValue("Cache-Control")).as(page).hasValue("public, max-age=10");
            assertThat(answer.headers().firstValue("ETag"))
                    .as(page)
                    .hasValueSatisfying(tag -> assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\""));
            // Header names in Vary are case-insensitive (Tomcat writes them in lower case when it compresses).
            assertThat(String.join(",", answer.headers().allValues("Vary")))
                    .as(page)
                    .containsIgnoringCase("accept-encoding")
                    .containsIgnoringCase("cookie");
            assertThat(answer.headers().firstValue("Pragma")).as(page).isEmpty();
        }
        SignedInClient person = new SignedInClient(port, "127.0.53.11");
        person.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        for (String page : List.of("/", article, "/konto")) {
            HttpResponse<String> answer = person.get(page);
            assertThat(answer.headers().firstValue("Cache-Control"))
                    .as(page)
                    .hasValueSatisfying(
                            value -> assertThat(value).contains("no-store").doesNotContain("public"));
            assertThat(answer.headers().firstValue("ETag")).as(page).isEmpty();
        }
        // Switching the language sets a cookie: that answer is the visitor's own.
        HttpResponse<String> switching = new Http(port).get("/aktualnosci?lang=en", "Accept", "text/html");
        assertThat(switching.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void aConditionalRequestIsAnsweredNotModifiedWithoutAStatementOrARendering() {
        Http http = new Http(port);
        HttpResponse<String> first = http.get(article, "Accept", "text/html");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long renderings = cache.renderings();

        statements.reset();
        HttpResponse<String> again = http.get(article, "Accept", "text/html", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=10");
        assertThat(statements.count()).as("statements for the 304").isZero();
        assertThat(cache.renderings()).as("renderings for the 304").isEqualTo(renderings);

        // Any other tag gets the page.
        assertThat(http.get(article, "Accept", "text/html", "If-None-Match", "W/\"inny\"")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAnonymousFormSentFromAnotherSiteIsRefused() {
        SignedInClient visitor = new SignedInClient(port, "127.0.53.12");
        visitor.get(article);
        int before = comments();
        String[] comment = {"title", "Z innej strony", "body", "Wysłane przez cudzy formularz.", "signature", "Ktoś"};
        assertThat(visitor.postWithHeader("Origin", FOREIGN, article + "/komentarze", comment)
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.postWithHeader("Sec-Fetch-Site", "cross-site", article + "/komentarze", comment)
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.postWithHeader("Sec-Fetch-Site", "same-site", article + "/komentarze", comment)
                        .statusCode())
                .as("a sibling subdomain is another site here")
                .isEqualTo(403);
        assertThat(visitor.postWithHeader("Origin", "null", article + "/komentarze", comment)
                        .statusCode())
                .isEqualTo(403);
        assertThat(comments()).isEqualTo(before);

        String registration = "/wydarzenia/" + event + "/zapis";
        assertThat(visitor.postWithHeader("Origin", FOREIGN, registration, visitorRegistration("obca"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.postWithHeader("Origin", FOREIGN, "/haslo/przypomnij", "email", DemoAccounts.PARTICIPANT)
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.postWithHeader("Sec-Fetch-Site", "cross-site", "/rejestracja", "email", "x@example.com")
                        .statusCode())
                .isEqualTo(403);
        assertThat(registrations("obca")).isZero();
    }

    @Test
    void anonymousFormsSentFromTheSiteItselfWork() {
        SignedInClient visitor = new SignedInClient(port, "127.0.53.13");
        visitor.get(article);
        String own = "http://127.0.0.1:" + port;
        HttpResponse<String> comment = visitor.postWithHeader(
                "Origin",
                own,
                article + "/komentarze",
                "title",
                "Z tej strony",
                "body",
                "Pytanie wysłane zwykłym formularzem strony.",
                "signature",
                "Czytelnik");
        assertThat(SignedInClient.location(comment)).contains("komentarz=oczekuje");

        String registration = "/wydarzenia/" + event + "/zapis";
        visitor.get(registration);
        HttpResponse<String> registered =
                visitor.postWithHeader("Sec-Fetch-Site", "same-origin", registration, visitorRegistration("wlasna"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(registrations("wlasna")).isOne();
        assertThat(visitor.session()).as("still no session").isNull();
    }

    private String[] visitorRegistration(String marker) {
        long region = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        return new String[] {
            "fullName", "Gość Formularza",
            "email", "formularz." + marker + "@test.koordes.example",
            "institution", "Stowarzyszenie Próbne",
            "regionId", String.valueOf(region),
            "privacyAccepted", "true"
        };
    }

    private int registrations(String marker) {
        return jdbc.sql("select count(*) from event_registration where email = :email")
                .param("email", "formularz." + marker + "@test.koordes.example")
                .query(Integer.class)
                .single();
    }

    private int comments() {
        return jdbc.sql("select count(*) from comments_comment")
                .query(Integer.class)
                .single();
    }
}
