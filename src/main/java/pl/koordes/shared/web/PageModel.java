package pl.koordes.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Gives every page template its {@link Page} under the name {@code page}: after a controller chose its view and
 * before the view is rendered. A controller that needs the page while it builds its model takes the same one from
 * {@link PageFactory#of}. Redirects, answers without a view and views whose model already has a page get none.
 *
 * <p>An interceptor rather than a {@code @ModelAttribute} method of a controller advice: Spring MVC builds and invokes
 * such a method through reflection, with its annotations looked up, for every request (issue 19, item 5).
 */
final class PageModel implements HandlerInterceptor {

    static final String NAME = "page";

    private final PageFactory pages;

    PageModel(PageFactory pages) {
        this.pages = pages;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView view) {
        if (view == null
                || !(handler instanceof HandlerMethod)
                || redirect(view)
                || view.getModelMap().containsAttribute(NAME)) {
            return;
        }
        view.addObject(
                NAME,
                request.getDispatcherType() == DispatcherType.REQUEST ? pages.of(request) : pages.create(request));
    }

    private static boolean redirect(ModelAndView view) {
        String name = view.getViewName();
        return (name != null && (name.startsWith("redirect:") || name.startsWith("forward:")))
                || view.getView() instanceof RedirectView;
    }
}
