package pl.koordes.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.TestExtensions;
import tools.jackson.databind.JsonNode;

/**
 * Every line of the Big List of Naughty Strings, and payloads of our own, in every query parameter of the
 * list and CSV addresses and as an item's id: a 400 problem or a normal answer, never a 500, never an SQL
 * error, never the string executed or echoed unescaped.
 */
@IntegrationTest
@Import(TestExtensions.class)
class OpenDataHostileInputIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "'; drop table event; --",
            "1 or 1=1",
            "-1",
            "0",
            "99999999999999999999",
            "1e9",
            "2026-02-30",
            "2026-13-01",
            "0000-01-01",
            "+2026-01-01",
            "2026-01-01T00:00:00Z",
            "12 ",
            " malopolskie",
            "MALOPOLSKIE",
            "%00",
            "\u0000",
            "\uD800",
            "<script>alert(1)</script>",
            "${7*7}",
            "x".repeat(5000));

    private static final List<String> PARAMETERS = List.of("page", "per_page", "region", "date_from", "date_to");

    @LocalServerPort
    int port;

    @Autowired
    ApiCache cache;

    @BeforeEach
    void setUp() {
        cache.clear();
    }

    @Test
    void everyParameterTakesEveryStringAnd400sOrAnswers() {
        // Several client addresses, so that the rate limit does not end the test early.
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 30; i < 60; i++) {
            clients.add(new ApiClient(port, "127.0.49." + i));
        }
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String payload : NaughtyStrings.payloadsAnd(PAYLOADS)) {
            String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            List<String> addresses = new ArrayList<>();
            for (String parameter : PARAMETERS) {
                addresses.add("/api/v1/events?" + parameter + "=" + encoded);
                addresses.add("/api/v1/articles.csv?" + parameter + "=" + encoded);
            }
            addresses.add("/api/v1/events?" + encoded + "=1");
            addresses.add("/api/v1/regions/"
                    + URLEncoder.encode(payload, StandardCharsets.UTF_8).replace("+", "%20"));
            addresses.add("/api/v1/articles/" + encoded);
            for (String address : addresses) {
                ApiClient client = clients.get(sent++ / 250 % clients.size());
                HttpResponse<String> answer = client.get(address);
                int status = answer.statusCode();
                String type = answer.headers().firstValue("Content-Type").orElse("");
                if (status >= 500) {
                    wrong.add(address + ": " + status);
                } else if (status == 200) {
                    if (!type.startsWith("application/json") && !type.startsWith("text/csv")) {
                        wrong.add(address + ": 200 as " + type);
                    }
                } else if (status == 400 || status == 404) {
                    if (!type.startsWith("application/problem+json")) {
                        wrong.add(address + ": " + status + " as " + type);
                    } else {
                        JsonNode body = OpenDataApiIntegrationTests.JSON.readTree(answer.body());
                        if (body.get("status").asInt() != status) {
                            wrong.add(address + ": problem body says " + body.get("status"));
                        }
                    }
                } else {
                    wrong.add(address + ": " + status);
                }
                String lower = answer.body().toLowerCase(java.util.Locale.ROOT);
                if (lower.contains("sql")
                        || lower.contains("exception")
                        || answer.body().contains("<script>")) {
                    wrong.add(address + ": says too much: "
                            + answer.body()
                                    .substring(0, Math.min(200, answer.body().length())));
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(wrong).as("answers to hostile parameters").isEmpty();
    }
}
