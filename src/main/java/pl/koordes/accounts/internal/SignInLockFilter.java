package pl.koordes.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses sign-in attempts while the e-mail or the client address is locked out, before any password check. */
class SignInLockFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInLockFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/logowanie".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = String.valueOf(request.getParameter(SignInHandlers.EMAIL_PARAMETER));
        if (throttle.locked(email, request.getRemoteAddr())) {
            response.sendRedirect("/logowanie?zablokowane");
            return;
        }
        chain.doFilter(request, response);
    }
}
