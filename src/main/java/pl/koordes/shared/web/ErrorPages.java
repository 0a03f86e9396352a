package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error as a page of the site in the reader's language, with no technical detail:
 * the status is translated to one of the four pages people can act on (400, 403, 404, 500).
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Set<Integer> OWN_PAGES = Set.of(400, 403, 404, 500);

    private final PageFactory pages;

    ErrorPages(PageFactory pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        int code = status.value();
        // 401 means "not allowed without signing in": to a reader that is the access-denied page.
        int shown = OWN_PAGES.contains(code) ? code : code == 401 ? 403 : (status.is4xxClientError() ? 400 : 500);
        ModelAndView view = new ModelAndView("shared/error", status);
        // A page of its own, not the failed request's (PageFactory.of): the error dispatch has its own address and
        // no query, and whatever the failed handler left on the request stays out of the error page.
        view.addObject(PageFactory.MODEL_NAME, pages.create(request));
        view.addObject("error", new ErrorView(code, shown));
        return view;
    }
}
