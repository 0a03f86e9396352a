package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * The one place where module outcomes become HTTP statuses, for the outcomes a controller does not
 * handle itself: {@link NotFound} is 404, a {@link Refused} not caught to redisplay a form is 422 (or
 * 409 for a conflict). Both show the site's own error page ({@link ErrorPages}). A form sent a second time
 * while the first sending still runs ({@link OnceOnlySubmissions.StillRunning}) is 409 with a page that says so.
 */
@ControllerAdvice
class OutcomeStatuses {

    // The page itself comes from the view (WholePageViews), as for any handler's page.
    @ExceptionHandler(OnceOnlySubmissions.StillRunning.class)
    ModelAndView stillRunning() {
        return new ModelAndView("shared/oncePending", HttpStatus.CONFLICT);
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @ExceptionHandler(Refused.class)
    void refused(Refused refused, HttpServletResponse response) throws IOException {
        response.sendError(
                refused.kind() == Refused.Kind.CONFLICT
                        ? HttpStatus.CONFLICT.value()
                        : HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
}
