package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller take {@code Page page}: the request's page ({@link PageFactory#of}), the one its template is then
 * rendered with, for a controller that needs its language or wording while it builds the model.
 */
final class PageArgumentResolver implements HandlerMethodArgumentResolver {

    // Looked up when first used: the factory needs the resource chain, which the MVC configuration builds after this.
    private final ObjectProvider<PageFactory> pages;

    PageArgumentResolver(ObjectProvider<PageFactory> pages) {
        this.pages = pages;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Page.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        HttpServletRequest request =
                Objects.requireNonNull(webRequest.getNativeRequest(HttpServletRequest.class), "a servlet request");
        return pages.getObject().of(request);
    }
}
