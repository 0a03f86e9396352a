package pl.koordes.opendata.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.opendata.internal.ApiProperties;

/**
 * The API's own security filter chain, before the site's: public and read-only, so no session (none is
 * read or created, no cookie is set), no CSRF (nothing changes state), CORS for GET and HEAD from any
 * origin without credentials, and headers for data rather than pages.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataSecurity {

    static final String PREFIX = "/api/";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain openDataFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PREFIX + "**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .cors(cors -> cors.configurationSource(cors()))
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Before everything else, the control-character filter included, so its refusals are problems too. */
    @Bean
    FilterRegistrationBean<OpenDataFilter> openDataFilter(ApiProperties properties, KeptAnswers kept) {
        FilterRegistrationBean<OpenDataFilter> registration =
                new FilterRegistrationBean<>(new OpenDataFilter(properties, kept));
        registration.addUrlPatterns(PREFIX + "*");
        // Right after the request id (shared.observability.RequestIdFilter), so its answers carry one too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    KeptAnswers keptAnswers(ApiCache cache, ObjectProvider<MeterRegistry> meters) {
        KeptAnswers kept = new KeptAnswers(cache);
        meters.ifAvailable(registry -> FunctionCounter.builder("koordes.api.kept.answers", kept, KeptAnswers::served)
                .description("Open-data API requests answered from a kept answer, before Spring MVC")
                .register(registry));
        return kept;
    }

    private static UrlBasedCorsConfigurationSource cors() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of("*"));
        configuration.setAllowedMethods(List.of("GET", "HEAD"));
        configuration.setAllowedHeaders(
                List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.ACCEPT));
        configuration.setExposedHeaders(
                List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK, HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(86_400L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(PREFIX + "**", configuration);
        return source;
    }
}
