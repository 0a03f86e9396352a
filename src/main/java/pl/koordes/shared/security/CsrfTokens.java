package pl.koordes.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The one CSRF token repository, shared by the security filter chain and the anonymous page cache, which
 * hands out tokens for cached pages the same way (see {@link SessionBoundCsrfTokenRepository}).
 */
@Configuration(proxyBeanMethods = false)
public class CsrfTokens {

    @Bean
    public CsrfTokenRepository csrfTokenRepository() {
        return new SessionBoundCsrfTokenRepository();
    }
}
