package pl.koordes.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Where CSRF tokens live: in a cookie, not in the session, so a visitor reading an article with a
 * comment form (or any form) costs no session row. HttpOnly (forms carry the token, no script reads
 * it), SameSite=Lax, Secure whenever the request came over TLS. One bean, shared by the security
 * filter chain and the anonymous page cache, which hands out tokens for cached pages the same way.
 */
@Configuration(proxyBeanMethods = false)
public class CsrfTokens {

    public static final String COOKIE = "KOORDES_CSRF";

    @Bean
    public CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
        return tokens;
    }
}
