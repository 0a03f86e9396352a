package pl.koordes.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountAction;
import pl.koordes.shared.text.TextInput;

/**
 * What happens after the password is checked: a failure counts towards the lockout and is audited;
 * a success either completes the sign-in or, when a second factor is due, leaves the person half
 * signed in until the code is given.
 */
@Component
public class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String EMAIL_PARAMETER = "email";

    private final Clock clock;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Accounts accounts;
    private final AccountsProperties properties;
    private final SecurityContextRepository contexts;

    SignInHandlers(
            SignInThrottle throttle,
            AuditLog audit,
            Accounts accounts,
            AccountsProperties properties,
            SecurityContextRepository securityContextRepository,
            Clock clock) {
        this.clock = clock;
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
        this.properties = properties;
        this.contexts = securityContextRepository;
    }

    @Override
    @Transactional
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        // Kept and counted as typed, but with control characters made visible: PostgreSQL refuses a NUL.
        String email = String.valueOf(TextInput.normalise(request.getParameter(EMAIL_PARAMETER)));
        throttle.failed(email, request.getRemoteAddr());
        audit.record(null, truncate(email), AccountAction.SIGN_IN_FAILED, "account", null, null, null);
        response.sendRedirect("/logowanie?blad");
    }

    @Override
    @Transactional
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        AccountUserDetails details = (AccountUserDetails) authentication.getPrincipal();
        throttle.succeeded(details.user().email());
        boolean secondFactorDue = details.secondFactorEnrolled() || properties.secondFactorRequired(details.user());
        if (secondFactorDue) {
            // Half signed in: the session knows who it is, but grants nothing until the second factor.
            var pending = UsernamePasswordAuthenticationToken.authenticated(
                    details, null, List.of(new SimpleGrantedAuthority(AccountUserDetails.PENDING_SECOND_FACTOR)));
            save(pending, request, response);
            audit.record(
                    details.user(),
                    AccountAction.SIGN_IN_PASSWORD_ACCEPTED,
                    "account",
                    details.user().id(),
                    null,
                    null);
            response.sendRedirect(details.secondFactorEnrolled() ? "/logowanie/kod" : "/logowanie/drugi-skladnik");
            return;
        }
        complete(details, request, response);
        response.sendRedirect(target(request));
    }

    /** Finishes a sign-in: full authorities, a fresh session id, the sign-in recorded. */
    public void complete(AccountUserDetails details, HttpServletRequest request, HttpServletResponse response) {
        var full = UsernamePasswordAuthenticationToken.authenticated(details, null, details.fullAuthorities());
        request.changeSessionId();
        save(full, request, response);
        request.getSession().setAttribute(AbsoluteSessionTimeoutFilter.SIGNED_IN_AT, clock.millis());
        accounts.recordSignIn(details.user().id());
        audit.record(
                details.user(),
                AccountAction.SIGN_IN,
                "account",
                details.user().id(),
                null,
                Map.of("secondFactor", details.secondFactorEnrolled()));
    }

    /** Replaces the session's picture of the person after they changed their name, e-mail or roles. */
    public void refresh(AccountUserDetails updated, HttpServletRequest request, HttpServletResponse response) {
        var full = UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.fullAuthorities());
        save(full, request, response);
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    static String target(HttpServletRequest request) {
        Object saved = request.getSession().getAttribute(SignInTarget.ATTRIBUTE);
        if (saved instanceof String path && SignInTarget.safe(path)) {
            request.getSession().removeAttribute(SignInTarget.ATTRIBUTE);
            return path;
        }
        return "/konto";
    }

    private static String truncate(String value) {
        return value.length() > 254 ? value.substring(0, 254) : value;
    }
}
