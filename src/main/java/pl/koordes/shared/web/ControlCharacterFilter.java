package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Control characters that cannot be tied to a form field are a 400 with the site's error page, never a
 * 500. Text fields of forms are the forms' business: {@code shared.text.TextInput} turns each control
 * character into "�" and the {@code @Text} constraint refuses it beside the field (422, the form again).
 *
 * <ul>
 *   <li>A query string with a control character (NUL, escape, line breaks…; a tab is allowed, it can be
 *       pasted into a search field), raw or percent-encoded, is refused before anything reads it.
 *   <li>Whatever still reaches PostgreSQL with a NUL in a text (which it refuses outright, SQLState 22021)
 *       — a parameter some handler used without the form binding, a header, a file name — is answered 400
 *       here instead of failing as a server error. The transaction has rolled back; nothing was kept.
 * </ul>
 *
 * Headers with a NUL never get this far: Tomcat refuses them (400, {@link ServerErrorPages}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ControlCharacterFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ControlCharacterFilter.class);

    /** C0 controls but tab, and DEL: raw, or percent-encoded in either case. */
    static final Pattern CONTROL_IN_QUERY =
            Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]|%(0[0-8a-fA-F]|1[0-9a-fA-F]|7[fF])");

    /** PostgreSQL's "character not in repertoire": a NUL in a text value. */
    static final String NUL_IN_TEXT = "22021";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && CONTROL_IN_QUERY.matcher(query).find()) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!refusedByDatabase(e) || response.isCommitted()) {
                throw e;
            }
            log.info(
                    "{} {}: a control character reached the database, answered 400",
                    request.getMethod(),
                    request.getRequestURI());
            response.reset();
            refuse(response);
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        SecurityHeaders.ALL.forEach(response::setHeader);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    static boolean refusedByDatabase(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && NUL_IN_TEXT.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
