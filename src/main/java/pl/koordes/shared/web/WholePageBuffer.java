package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives each answer a buffer that holds a whole ordinary page (64 KiB instead of Tomcat's 8 KiB), before the
 * session and security filters. A page larger than the buffer is sent while it is still being written, and
 * Spring Session saves the session at that moment; whatever the rest of the page then asks of the session reads it
 * from PostgreSQL again, so most signed-in pages read their session twice. With the whole page in the buffer it is
 * read once and saved once, at the end; and the answer's headers can still be set until then.
 */
@Component
@Order(Integer.MIN_VALUE + 10)
class WholePageBuffer extends OncePerRequestFilter {

    static final int SIZE = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.getBufferSize() < SIZE) {
            response.setBufferSize(SIZE);
        }
        chain.doFilter(request, response);
    }
}
