package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

/** Cookie names and attributes per scheme: {@code __Host-} over TLS, and a planted unprefixed cookie ignored. */
class CookiesTests {

    @Test
    void overTlsACookieIsHostPrefixedSecureForTheWholeSiteAndWithoutDomain() {
        String header = Cookies.cookie(tls(), "koordes_lang", "en").build().toString();
        assertThat(header)
                .startsWith("__Host-koordes_lang=")
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContainIgnoringCase("Domain");
    }

    @Test
    void overTlsAPlantedCookieWithoutThePrefixIsNotRead() {
        MockHttpServletRequest request = tls();
        request.setCookies(new Cookie("koordes_lang", "en"));
        assertThat(Cookies.value(request, "koordes_lang")).isNull();

        request.setCookies(new Cookie("__Host-koordes_lang", "en"));
        assertThat(Cookies.value(request, "koordes_lang")).isEqualTo("en");
    }

    @Test
    void onPlainHttpTheNamesStayUnprefixedForDevelopment() {
        String header = Cookies.cookie(new MockHttpServletRequest(), "koordes_lang", "en")
                .build()
                .toString();
        assertThat(header).startsWith("koordes_lang=").doesNotContain("Secure");
    }

    @Test
    void anAnonymousVisitorIsGivenNoTokenAndNoCookie() {
        SessionBoundCsrfTokenRepository tokens = new SessionBoundCsrfTokenRepository();
        MockHttpServletRequest request = tls();
        MockHttpServletResponse response = new MockHttpServletResponse();
        tokens.saveToken(tokens.generateToken(request), request, response);
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(tokens.loadToken(request)).isNull();
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
