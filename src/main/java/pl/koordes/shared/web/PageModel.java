package pl.koordes.shared.web;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;

/**
 * Spring MVC's adapter that invokes controller methods, giving each one's model the request's {@link Page} under the
 * name {@code page} before the method runs (controllers read it from their model, templates get it), and every data
 * binder the site's {@link FormBinding}.
 *
 * <p>Both were a controller advice: a {@code @ModelAttribute} method and {@code @InitBinder} methods, which Spring MVC
 * wraps, looks up the annotations of and invokes through reflection with their arguments resolved on every request
 * (and every binder), a few per cent of a signed-in page's CPU (issue 19, item 5). Same order as before: the page is
 * in the model after the session attributes and any {@code @ModelAttribute} method, before the controller method.
 */
final class PageModel extends RequestMappingHandlerAdapter {

    static final String NAME = "page";

    private final Supplier<PageFactory> pages;

    PageModel(Supplier<PageFactory> pages) {
        this.pages = pages;
    }

    @Override
    public void setWebBindingInitializer(@Nullable WebBindingInitializer initializer) {
        super.setWebBindingInitializer(initializer instanceof FormBinding ? initializer : new FormBinding(initializer));
    }

    @Override
    protected ServletInvocableHandlerMethod createInvocableHandlerMethod(HandlerMethod handlerMethod) {
        return new WithPage(handlerMethod, pages);
    }

    /** A controller method invoked with the page in its model. */
    private static final class WithPage extends ServletInvocableHandlerMethod {

        private final Supplier<PageFactory> pages;

        WithPage(HandlerMethod handlerMethod, Supplier<PageFactory> pages) {
            super(handlerMethod);
            this.pages = pages;
        }

        @Override
        public void invokeAndHandle(
                ServletWebRequest webRequest, ModelAndViewContainer mavContainer, @Nullable Object... providedArgs)
                throws Exception {
            if (!mavContainer.containsAttribute(NAME)) {
                mavContainer.addAttribute(NAME, pages.get().create(webRequest.getRequest()));
            }
            super.invokeAndHandle(webRequest, mavContainer, providedArgs);
        }
    }
}
