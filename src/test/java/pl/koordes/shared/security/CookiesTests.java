package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.web.http.CookieSerializer;

/** Cookie names and attributes per scheme: {@code __Host-} over TLS, and a planted unprefixed cookie ignored. */
class CookiesTests {

    private final SessionBoundCsrfTokenRepository tokens = new SessionBoundCsrfTokenRepository();

    @Test
    void overTlsTheTokenCookieIsHostPrefixedSecureForTheWholeSiteAndWithoutDomain() {
        MockHttpServletRequest request = tls();
        MockHttpServletResponse response = new MockHttpServletResponse();

        tokens.saveToken(tokens.generateToken(request), request, response);

        String header = response.getHeader("Set-Cookie");
        assertThat(header)
                .startsWith("__Host-KOORDES_CSRF=")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContainIgnoringCase("Domain");
    }

    @Test
    void overTlsAPlantedCookieWithoutThePrefixIsNotRead() {
        MockHttpServletRequest request = tls();
        request.setCookies(new Cookie("KOORDES_CSRF", "planted"), new Cookie("koordes_lang", "en"));

        assertThat(tokens.loadToken(request)).isNull();
        assertThat(Cookies.value(request, "koordes_lang")).isNull();

        request.setCookies(new Cookie("__Host-KOORDES_CSRF", "own"));
        CsrfToken own = tokens.loadToken(request);
        assertThat(own).isNotNull();
        assertThat(own.getToken()).isEqualTo("own");
    }

    @Test
    void onPlainHttpTheNamesStayUnprefixedForDevelopment() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        tokens.saveToken(tokens.generateToken(request), request, response);

        assertThat(response.getHeader("Set-Cookie")).startsWith("KOORDES_CSRF=").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsHostPrefixedOverTlsAndReadOnlyUnderThatName() {
        CookieSerializer serializer = new SessionCookies().cookieSerializer();
        MockHttpServletRequest request = tls();
        MockHttpServletResponse response = new MockHttpServletResponse();

        serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "abc"));

        assertThat(response.getHeader("Set-Cookie"))
                .startsWith("__Host-SESSION=")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContainIgnoringCase("Domain");
        request.setCookies(new Cookie("SESSION", "WVdKag=="));
        assertThat(serializer.readCookieValues(request)).isEmpty();
    }

    private static MockHttpServletRequest tls() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(true);
        request.setScheme("https");
        return request;
    }
}
