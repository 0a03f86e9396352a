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

    @ModelAttribute("page")
    Page page(HttpServletRequest request) {
        return pages.create(request);
    }
}
