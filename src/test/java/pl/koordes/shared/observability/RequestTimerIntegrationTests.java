package pl.koordes.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;

/**
 * Every request is timed once as {@code http.server.requests}, tagged as Spring's own observation tags it: the
 * route's pattern, or {@code REDIRECTION} where no route answered; never the address itself.
 */
@IntegrationTest
class RequestTimerIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void aRouteIsTimedOnceUnderItsPatternAndAnUnknownAddressAsNotFound() {
        Http http = new Http(port);
        long before = count("GET", "/regiony/{slug}", "200", "SUCCESS");
        long notFoundBefore = notFound();

        assertThat(http.get("/regiony/malopolskie").statusCode()).isEqualTo(200);
        assertThat(http.get("/regiony/pomorskie").statusCode()).isEqualTo(200);
        assertThat(http.get("/nie-ma-takiej-strony-" + System.nanoTime()).statusCode())
                .isEqualTo(404);

        assertThat(count("GET", "/regiony/{slug}", "200", "SUCCESS"))
                .as("once each: Spring's own observation filter is not there as well")
                .isEqualTo(before + 2);
        assertThat(notFound())
                .as(() -> registry.find(RequestTimer.NAME).tags("status", "404").timers().stream()
                        .map(t -> t.getId() + "=" + t.count())
                        .toList()
                        .toString())
                .isEqualTo(notFoundBefore + 1);
        assertThat(registry.find(RequestTimer.NAME).timers())
                .as("one set of tag keys, as Prometheus wants for every series of a name")
                .allSatisfy(timer -> assertThat(timer.getId().getTags())
                        .extracting(Tag::getKey)
                        .containsExactlyInAnyOrder("error", "exception", "method", "outcome", "status", "uri"));
        assertThat(registry.find(RequestTimer.NAME).timers())
                .as("an unknown address never becomes a tag of its own")
                .noneMatch(timer -> timer.getId().getTag("uri").contains("nie-ma-takiej-strony"));
    }

    /** Answers 404 to GET, whatever took the address (the static files' handler takes any: {@code /**}). */
    private long notFound() {
        return registry.find(RequestTimer.NAME).tags("method", "GET", "status", "404").timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }

    @Test
    void aRedirectBeforeAnyRouteIsTimedAsARedirection() {
        long before = count("GET", "REDIRECTION", "302", "REDIRECTION");

        // The account page sends an anonymous visitor to sign in, from the security filters, before any route.
        assertThat(new Http(port).get("/konto").statusCode()).isEqualTo(302);

        assertThat(count("GET", "REDIRECTION", "302", "REDIRECTION")).isEqualTo(before + 1);
    }

    private long count(String method, String uri, String status, String outcome) {
        return registry
                .find(RequestTimer.NAME)
                .tags("method", method, "uri", uri, "status", status, "outcome", outcome, "exception", "none")
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
