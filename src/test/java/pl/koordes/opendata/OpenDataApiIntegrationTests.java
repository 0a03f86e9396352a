package pl.koordes.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data API as a client sees it: pages with links, validators and 304 from memory (no statement),
 * public caching, CORS, the same problem body for every refusal, no session, the rate limit.
 */
@IntegrationTest
@Import(TestExtensions.class)
class OpenDataApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    ApiCache cache;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, "127.0.49.10");
        cache.clear();
    }

    @Test
    void aPageHasItsItemsPagingAndLinksInTheBodyAndTheLinkHeader() {
        HttpResponse<String> first = api.get("/api/v1/regions?per_page=5");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(first.body());
        assertThat(body.get("data")).hasSize(5);
        assertThat(body.get("meta").get("total").asInt()).isEqualTo(16);
        assertThat(body.get("meta").get("pages").asInt()).isEqualTo(4);
        assertThat(body.get("links").get("next").asString()).endsWith("/api/v1/regions?page=2&per_page=5");
        assertThat(body.get("links").get("prev").isNull()).isTrue();
        assertThat(first.headers().firstValue("Link"))
                .hasValueSatisfying(link -> assertThat(link)
                        .contains("rel=\"next\"", "rel=\"last\"", "page=4&per_page=5")
                        .doesNotContain("rel=\"prev\""));
        JsonNode last =
                JSON.readTree(api.get("/api/v1/regions?per_page=5&page=4").body());
        assertThat(last.get("data")).hasSize(1);
        assertThat(last.get("links").get("next").isNull()).isTrue();
        JsonNode region = JSON.readTree(api.get("/api/v1/regions?region=12").body())
                .get("data")
                .get(0);
        assertThat(region.get("id").asString()).isEqualTo("malopolskie");
        assertThat(JSON.readTree(api.get("/api/v1/regions?region=slaskie").body())
                        .get("data")
                        .get(0)
                        .get("teryt")
                        .asString())
                .isEqualTo("24");
        HttpResponse<String> item = api.get("/api/v1/regions/malopolskie");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(item.body()).get("data").get("url").asString()).endsWith("/regiony/malopolskie");
        JsonNode index = JSON.readTree(api.get("/api/v1").body());
        assertThat(index.get("data").findValuesAsString("name")).contains("regions", "macroregions");
    }

    @Test
    void aConditionalRequestIsAnswered304FromMemoryWithoutAStatement() {
        HttpResponse<String> first = api.get("/api/v1/regions?per_page=3");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        statements.reset();
        HttpResponse<String> again = api.get("/api/v1/regions?per_page=3", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(api.get("/api/v1/regions?per_page=3", "If-Modified-Since", lastModified)
                        .statusCode())
                .isEqualTo(304);
        assertThat(api.get("/api/v1/regions?per_page=3", "If-None-Match", "\"other\", " + etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(statements.statements()).as("a 304 reads nothing").isEmpty();
        assertThat(api.get("/api/v1/regions?per_page=3", "If-None-Match", "\"other\"")
                        .statusCode())
                .isEqualTo(200);
        // Read again after a change (here: the memory emptied), the same data gives the same tag.
        cache.clear();
        assertThat(api.get("/api/v1/regions?per_page=3", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void noSessionNoCookieAndCorsForGetFromAnyOrigin() {
        HttpResponse<String> answer =
                api.get("/api/v1/regions", "Origin", "https://example.org", "Cookie", "SESSION=abc");
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(answer.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("ETag", "Link"));
        HttpResponse<String> preflight = api.send(
                "OPTIONS",
                "/api/v1/regions",
                "Origin",
                "https://example.org",
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "if-none-match");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("GET").doesNotContain("POST"));
        HttpResponse<String> refused = api.send(
                "OPTIONS",
                "/api/v1/regions",
                "Origin",
                "https://example.org",
                "Access-Control-Request-Method",
                "DELETE");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void everyRefusalIsAProblem() {
        problem(api.get("/api/v1/regions?page=0"), 400, "page");
        problem(api.get("/api/v1/regions?per_page=101"), 400, "per_page");
        problem(api.get("/api/v1/regions?page=abc"), 400, "page");
        problem(api.get("/api/v1/regions?region=nowhere"), 400, "region");
        problem(api.get("/api/v1/regions?date_from=2026-01-01"), 400, "date_from");
        problem(api.get("/api/v1/regions?sort=name"), 400, "sort");
        problem(api.get("/api/v1/regions?page=1&page=2"), 400, "page");
        problem(api.get("/api/v1/regions?page=%00"), 400, null);
        problem(api.get("/api/v1/nothing"), 404, null);
        problem(api.get("/api/v1/regions/nowhere"), 404, null);
        problem(api.get("/api/v1/a/b/c"), 404, null);
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> answer = api.send(method, "/api/v1/regions");
            problem(answer, 405, null);
            assertThat(answer.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void aClientOverTheLimitWaits() {
        ApiClient greedy = new ApiClient(port, "127.0.49.11");
        HttpResponse<String> answer;
        int sent = 0;
        do {
            answer = greedy.get("/api/v1/macroregions");
            sent++;
        } while (answer.statusCode() == 200 && sent < 1000);
        problem(answer, 429, null);
        assertThat(sent).isGreaterThan(100);
        assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 60);
        assertThat(api.get("/api/v1/macroregions").statusCode())
                .as("another client")
                .isEqualTo(200);
    }

    @Test
    void csvIsForExcelAndTheDescriptionIsThere() {
        HttpResponse<byte[]> csv = api.bytes("/api/v1/regions.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(17);
        assertThat(text.lines().findFirst()).hasValue("id;teryt;name_pl;name_en;seat;macroregion;url");
        problem(api.get("/api/v1/regions.csv?page=2"), 400, "page");
        HttpResponse<String> openapi = api.get("/api/v1/openapi.json");
        assertThat(openapi.statusCode()).isEqualTo(200);
        JsonNode description = JSON.readTree(openapi.body());
        assertThat(description.get("openapi").asString()).startsWith("3.");
        assertThat(description.get("paths").has("/api/v1/regions"))
                .as(openapi.body())
                .isTrue();
    }

    @Test
    void aPageRunsTheSameStatementsWhateverItsSize() {
        for (String collection : List.of(
                "regions",
                "macroregions",
                "institutions",
                "committees",
                "articles",
                "events",
                "postulates",
                "programmes",
                "indicator-values")) {
            cache.clear();
            statements.reset();
            assertThat(api.get("/api/v1/" + collection + "?per_page=1").statusCode())
                    .isEqualTo(200);
            List<String> one = statements.statements();
            cache.clear();
            statements.reset();
            String filter = List.of("articles", "events", "postulates", "indicator-values")
                            .contains(collection)
                    ? "&date_from=2000-01-01"
                    : "";
            assertThat(api.get("/api/v1/" + collection + "?per_page=100" + filter)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(statements.statements()).as(collection).hasSameSizeAs(one);
            // Regions and macroregions come from the directory's kept lists: no statement at all.
            assertThat(one.size()).as(collection + ": " + one).isLessThanOrEqualTo(4);
        }
    }

    static void problem(HttpResponse<String> answer, int status, String parameter) {
        assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        if (parameter != null) {
            assertThat(body.get("invalid_params").get(0).get("name").asString()).isEqualTo(parameter);
        }
        assertThat(answer.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
    }
}
