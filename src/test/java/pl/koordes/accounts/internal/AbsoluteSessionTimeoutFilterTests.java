package pl.koordes.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** The absolute limit against the application's clock moved forward: the session ends after 12 h whatever happened in between. */
class AbsoluteSessionTimeoutFilterTests {

    static final Instant SIGNED_IN = Instant.parse("2026-11-30T08:00:00Z");

    @Test
    void aSessionEndsOnceTheLimitHasPassed() throws Exception {
        assertThat(run(Duration.ofHours(12))).as("exactly at the limit").isNull();
        assertThat(run(Duration.ofHours(12).plusMillis(1))).as("just past it").isEqualTo("/logowanie?wygaslo");
        assertThat(run(Duration.ofHours(30))).isEqualTo("/logowanie?wygaslo");
    }

    @Test
    void sessionsWithoutASignInAreLeftAlone() throws Exception {
        Clock later = Clock.fixed(SIGNED_IN.plus(Duration.ofDays(3)), ZoneOffset.UTC);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AbsoluteSessionTimeoutFilter(Duration.ofHours(12), later)
                .doFilter(request, response, new MockFilterChain());
        assertThat(session.isInvalid()).isFalse();
        assertThat(response.getRedirectedUrl()).isNull();
    }

    /** Where a request {@code after} signing in is sent (null: it went on), and checks the session ended with it. */
    private static String run(Duration after) throws Exception {
        Clock clock = Clock.fixed(SIGNED_IN.plus(after), ZoneOffset.UTC);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/konto");
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, SIGNED_IN.toEpochMilli());
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new AbsoluteSessionTimeoutFilter(Duration.ofHours(12), clock).doFilter(request, response, chain);
        String redirect = response.getRedirectedUrl();
        assertThat(session.isInvalid()).isEqualTo(redirect != null);
        assertThat(chain.getRequest() == null).isEqualTo(redirect != null);
        return redirect;
    }
}
