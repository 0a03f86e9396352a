package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page template its {@link Page} under the name {@code page}. */
@ControllerAdvice
class PageModelAdvice {

    private final PageFactory pages;

    PageModelAdvice(PageFactory pages) {
        this.pages = pages;
    }

    /**
     * Not a binding candidate: Spring MVC would otherwise make a data binder and a {@code BindingResult} for the page
     * after every handler (a binder per model attribute it does not know to be plain data), a percent of a page's CPU.
     */
    @ModelAttribute(name = "page", binding = false)
    Page page(HttpServletRequest request) {
        return pages.create(request);
    }
}
