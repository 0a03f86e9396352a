package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import pl.koordes.directory.DirectoryEditing;

/** How the directory's administration forms read what was sent, and what a vanished record answers. */
@ControllerAdvice(basePackageClasses = AdminBinding.class)
class AdminBinding {

    /** Surrounding spaces are dropped and an empty field is no value, so optional fields stay empty. */
    @InitBinder
    void trimText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    /** A record deleted between showing a form and sending it: the page is gone. */
    @ExceptionHandler(DirectoryEditing.NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
