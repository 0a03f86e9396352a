package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form's repeated rows are indexed fields ({@code targets[3].year}); Spring grows a list only up to
 * {@link #LIMIT} rows and fails with an exception before any handler runs when a request names a row past
 * it ({@code targets[100000].year}). No form of the site has that many rows, so such a request is
 * malformed: a 400 with the site's error page here, never a server error, whatever form it was sent to.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class RowIndexFilter extends OncePerRequestFilter {

    /** Spring's default {@code DataBinder} auto-grow limit. */
    static final int LIMIT = 256;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Enumeration<String> names = request.getParameterNames(); names.hasMoreElements(); ) {
            if (pastTheLimit(names.nextElement())) {
                SecurityHeaders.ALL.forEach(response::setHeader);
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean pastTheLimit(String name) {
        Matcher m = INDEX.matcher(name);
        while (m.find()) {
            String digits = m.group(1);
            if (digits.length() > 4 || Integer.parseInt(digits) >= LIMIT) {
                return true;
            }
        }
        return false;
    }
}
