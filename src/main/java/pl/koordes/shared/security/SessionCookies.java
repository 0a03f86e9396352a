package pl.koordes.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, named and secured per request like every cookie of the application (see {@link
 * Cookies}): {@code __Host-SESSION} over TLS, {@code SESSION} on plain HTTP (development, tests). A
 * request over TLS reads only the prefixed name.
 */
@Configuration(proxyBeanMethods = false)
public class SessionCookies {

    @Bean
    CookieSerializer cookieSerializer() {
        return new PerScheme(
                serializer(Cookies.SESSION, false), serializer(Cookies.HOST_PREFIX + Cookies.SESSION, true));
    }

    private static DefaultCookieSerializer serializer(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        return serializer;
    }

    private record PerScheme(DefaultCookieSerializer plain, DefaultCookieSerializer tls) implements CookieSerializer {

        @Override
        public void writeCookieValue(CookieValue value) {
            of(value.getRequest()).writeCookieValue(value);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return of(request).readCookieValues(request);
        }

        private DefaultCookieSerializer of(HttpServletRequest request) {
            return request.isSecure() ? tls : plain;
        }
    }
}
