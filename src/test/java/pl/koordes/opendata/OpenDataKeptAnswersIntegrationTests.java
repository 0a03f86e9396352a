package pl.koordes.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.opendata.web.KeptAnswers;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/**
 * A repeated request is answered before Spring Security and Spring MVC from what the full path sent: the same
 * status, headers and bytes (CORS, the security headers, the download's name, paging links and validators
 * included), also as a HEAD and as a 304; a change on this node sends the next request down the full path again;
 * a refusal is never replayed; and none of it reads the database.
 */
@IntegrationTest
@Import(TestExtensions.class)
class OpenDataKeptAnswersIntegrationTests {

    /** Headers that belong to one response (the moment, the connection), not to the answer. */
    private static final Set<String> PER_RESPONSE =
            Set.of("date", "connection", "keep-alive", "content-length", "x-request-id");

    @LocalServerPort
    int port;

    @Autowired
    ApiCache cache;

    @Autowired
    KeptAnswers kept;

    @Autowired
    TestExtensions.StatementCounter statements;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, "127.0.50.30");
        cache.clear();
    }

    @Test
    void aRepeatedRequestGetsTheSameAnswerWithoutTheFullPathOrTheDatabase() {
        List<String[]> requests = List.of(
                new String[] {"/api/v1/regions?per_page=5&page=2"},
                new String[] {"/api/v1/events.csv"},
                new String[] {"/api/v1"},
                new String[] {"/api/v1/regions/malopolskie"},
                new String[] {"/api/v1/events?per_page=3", "Origin", "https://dane.example.org"});
        for (String[] request : requests) {
            String path = request[0];
            String[] headers = java.util.Arrays.copyOfRange(request, 1, request.length);
            HttpResponse<String> full = api.get(path, headers);
            assertThat(full.statusCode()).as(path).isEqualTo(200);
            long before = kept.served();
            statements.reset();
            HttpResponse<String> again = api.get(path, headers);
            assertThat(kept.served()).as(path + " answered before Spring MVC").isEqualTo(before + 1);
            assertThat(statements.statements()).as(path).isEmpty();
            assertThat(again.statusCode()).as(path).isEqualTo(200);
            assertThat(again.body()).as(path).isEqualTo(full.body());
            assertThat(headers(again)).as(path).isEqualTo(headers(full));

            HttpResponse<String> head = api.send("HEAD", path, headers);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(headers(head)).as(path + " HEAD").isEqualTo(headers(full));

            String etag = full.headers().firstValue("ETag").orElseThrow();
            String[] conditional = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(headers), java.util.stream.Stream.of("If-None-Match", "W/" + etag))
                    .toArray(String[]::new);
            HttpResponse<String> notModified = api.get(path, conditional);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
            assertThat(kept.served()).isEqualTo(before + 3);
        }
    }

    @Test
    void aChangeSendsTheNextRequestDownTheFullPathAndARefusalIsNeverReplayed() {
        api.get("/api/v1/regions?per_page=2");
        assertThat(api.get("/api/v1/regions?per_page=2").statusCode()).isEqualTo(200);
        long before = kept.served();
        cache.clear();
        HttpResponse<String> read = api.get("/api/v1/regions?per_page=2");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(kept.served()).as("read again after the change").isEqualTo(before);
        assertThat(api.get("/api/v1/regions?per_page=2").statusCode()).isEqualTo(200);
        assertThat(kept.served()).isEqualTo(before + 1);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = api.get("/api/v1/regions?per_page=0");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(kept.served()).isEqualTo(before + 1);
    }

    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> all = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!PER_RESPONSE.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                all.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return all;
    }
}
