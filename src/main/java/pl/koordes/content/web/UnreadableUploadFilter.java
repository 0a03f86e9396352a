package pl.koordes.content.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * Reads a multipart form (an image upload) before anything else does, so that one the server cannot
 * parse (a file name with a NUL character, a broken boundary, a {@code filename*} that is not RFC 5987) is
 * answered 400 instead of failing deep in the security filters or in MVC with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableUploadFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
            // Spring reads each part's Content-Disposition again, strictly (RFC 5987 for filename*), when the
            // request reaches MVC: one it cannot parse would fail there as a 500, so it is refused here.
            for (Part part : request.getParts()) {
                String disposition = part.getHeader("Content-Disposition");
                if (disposition != null) {
                    ContentDisposition.parse(disposition);
                }
            }
        } catch (IOException | ServletException | RuntimeException unreadable) {
            boolean tooLarge = unreadable.getClass().getName().contains("SizeLimit")
                    || unreadable.getCause() != null
                            && unreadable.getCause().getClass().getName().contains("SizeLimit");
            // Marks the failure the way MVC does, so that rendering the error page does not try to read the
            // same request as multipart again (and fail again, as a 500 in the log).
            request.setAttribute(
                    RequestDispatcher.ERROR_EXCEPTION,
                    new MultipartException("Unreadable multipart request", unreadable));
            response.sendError(
                    tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
