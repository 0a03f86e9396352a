package pl.koordes.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who needs to sign in to the sign-in page and remembers where they were going,
 * only ever as a path on this site (never an outside address).
 */
class SignInTarget implements AuthenticationEntryPoint {

    static final String ATTRIBUTE = "koordes.signInTarget";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if ("GET".equals(request.getMethod())) {
            String path =
                    request.getRequestURI() + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
            if (safe(path)) {
                request.getSession().setAttribute(ATTRIBUTE, path);
            }
        }
        response.sendRedirect("/logowanie");
    }

    static boolean safe(String path) {
        return path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.length() < 2000
                && path.chars().noneMatch(c -> c < 0x20);
    }
}
