package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The actuator's mapping is passed over only for addresses surely outside its base path: never for one under it,
 * however written (upper case, percent-encoded, with a ";" parameter), nor for one not yet parsed.
 */
class EndpointLookupTests {

    private final EndpointLookup.EndpointAwareDispatcher dispatcher =
            new EndpointLookup.EndpointAwareDispatcher("/actuator");

    @Test
    void addressesOfTheApplicationAreElsewhere() {
        assertThat(dispatcher.surelyElsewhere(parsed("/"))).isTrue();
        assertThat(dispatcher.surelyElsewhere(parsed("/koordynacja/malopolskie")))
                .isTrue();
        assertThat(dispatcher.surelyElsewhere(parsed("/actuators"))).isTrue();
    }

    @Test
    void addressesUnderTheBasePathAreAskedHoweverWritten() {
        for (String path : new String[] {
            "/actuator", "/actuator/health", "/ACTUATOR/health", "/%61ctuator/prometheus", "/actuator;v=1/health"
        }) {
            assertThat(dispatcher.surelyElsewhere(parsed(path))).as(path).isFalse();
        }
        assertThat(dispatcher.surelyElsewhere(new MockHttpServletRequest("GET", "/koordynacja")))
                .as("not parsed yet")
                .isFalse();
    }

    @Test
    void endpointsAtTheRootAreAskedAboutEverything() {
        EndpointLookup.EndpointAwareDispatcher atRoot = new EndpointLookup.EndpointAwareDispatcher("/");
        assertThat(atRoot.surelyElsewhere(parsed("/koordynacja"))).isFalse();
        assertThat(new EndpointLookup.EndpointAwareDispatcher("/zarzadzanie/stan")
                        .surelyElsewhere(parsed("/zarzadzanie/x")))
                .isFalse();
    }

    private static MockHttpServletRequest parsed(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
