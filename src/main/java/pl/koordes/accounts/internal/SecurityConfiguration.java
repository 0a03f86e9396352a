package pl.koordes.accounts.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import pl.koordes.shared.observability.MetricsScrapeAccess;
import pl.koordes.shared.security.Cookies;
import pl.koordes.shared.security.CsrfExemption;
import pl.koordes.shared.security.SameOriginRequests;
import pl.koordes.shared.security.SecureRandoms;
import pl.koordes.shared.security.SessionBoundCsrfTokenRepository;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.shared.web.SecurityHeaders;

/**
 * Who may reach what, how people sign in and out, and the security headers on every answer
 * (error pages included). Module-specific rules live in each module's permissions bean; here only
 * the coarse gates: administration for administrators, the account pages for signed-in people.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: every script and style is a fingerprinted file of our own. */
    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Spring Security's default handling of the token (masked anew on every page, against BREACH), with the mask
     * drawn from a DRBG per thread ({@link SecureRandoms}) instead of its default {@code NativePRNG}, whose every draw
     * reads {@code /dev/urandom} under one lock shared by all requests.
     */
    private static XorCsrfTokenRequestAttributeHandler maskedTokens() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setSecureRandom(SecureRandoms.perThread());
        return handler;
    }

    /**
     * No observation of each security filter, authentication and authorisation: Spring Security otherwise wraps
     * every filter of the chain in an observation of its own (a dozen timers and their tags per request), which
     * profiling found to be a tenth of a signed-in page's CPU time. The request as a whole is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SignInHandlers handlers,
            SignInThrottle throttle,
            SecurityContextRepository contexts,
            Sessions sessions,
            AccountsProperties properties,
            Clock clock,
            CsrfTokenRepository csrfTokens,
            List<CsrfExemption> csrfExemptions,
            MetricsScrapeAccess metricsScrape,
            PublicAddress publicAddress)
            throws Exception {
        List<RequestMatcher> exemptions = csrfExemptions.stream()
                .map(exemption ->
                        (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, exemption.pattern()))
                .toList();
        RequestMatcher exempt = exemptions.isEmpty() ? request -> false : new OrRequestMatcher(exemptions);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        // A scraper with the metrics token, or an administrator (shared.observability).
                        .requestMatchers(EndpointRequest.to(PrometheusScrapeEndpoint.class))
                        .access(metricsScrape)
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("ADMINISTRATOR")
                        .requestMatchers("/logowanie/kod", "/logowanie/drugi-skladnik")
                        .hasAnyAuthority(AccountUserDetails.PENDING_SECOND_FACTOR)
                        .requestMatchers("/konto", "/konto/**")
                        .hasAuthority(AccountUserDetails.SIGNED_IN)
                        // The coordination workspace: signed in fully here, the region checked by DirectoryPermissions.
                        .requestMatchers("/koordynacja", "/koordynacja/**")
                        .hasAuthority(AccountUserDetails.SIGNED_IN)
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/logowanie")
                        .loginProcessingUrl("/logowanie")
                        .usernameParameter(SignInHandlers.EMAIL_PARAMETER)
                        .passwordParameter("password")
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/wyloguj")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null
                                    && authentication.getPrincipal() instanceof AccountUserDetails details) {
                                sessions.endAll(details.user().id());
                            }
                        })
                        .logoutSuccessUrl("/?wylogowano")
                        .deleteCookies(Cookies.SESSION, Cookies.HOST_PREFIX + Cookies.SESSION))
                // In the session, for signed-in people only (shared.security.SessionBoundCsrfTokenRepository);
                // anonymous forms are protected by where they come from (SameOriginRequests, below).
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(maskedTokens())
                        .requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                                && SessionBoundCsrfTokenRepository.signedIn(request))
                        // Machine-sent POSTs whose path carries a signed token of its own
                        // (shared.security.CsrfExemption).
                        .ignoringRequestMatchers(exempt))
                .addFilterBefore(new SameOriginRequests(publicAddress::url, exempt), CsrfFilter.class)
                .securityContext(context -> context.securityContextRepository(contexts))
                .exceptionHandling(exceptions -> exceptions
                        // Machines (metrics scrapers, API clients) get a plain 401, people the sign-in page.
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), EndpointRequest.toAnyEndpoint())
                        .defaultAuthenticationEntryPointFor(new SignInTarget(), request -> true)
                        .accessDeniedHandler(accessDenied()))
                .addFilterBefore(new SignInLockFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(
                        new AbsoluteSessionTimeoutFilter(properties.absoluteSessionTimeout(), clock),
                        UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(
                                new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY))
                        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /**
     * A half signed-in person (second factor pending) is sent to finish signing in; anyone else who
     * is signed in gets the 403 page; anonymous visitors are asked to sign in.
     */
    private static AccessDeniedHandler accessDenied() {
        SignInTarget signIn = new SignInTarget();
        return (request, response, exception) -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (exception instanceof CsrfException) {
                // A form without its token (expired page, forged request): refused, never a sign-in prompt.
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            } else if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
                signIn.commence(request, response, null);
            } else if (authentication.getAuthorities().stream()
                    .anyMatch(a -> AccountUserDetails.PENDING_SECOND_FACTOR.equals(a.getAuthority()))) {
                response.sendRedirect(
                        ((AccountUserDetails) authentication.getPrincipal()).secondFactorEnrolled()
                                ? "/logowanie/kod"
                                : "/logowanie/drugi-skladnik");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }

    /** Argon2id for new hashes; BCrypt hashes from elsewhere are still recognised. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                argon2,
                Map.of(
                        argon2,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
        return encoder;
    }
}
