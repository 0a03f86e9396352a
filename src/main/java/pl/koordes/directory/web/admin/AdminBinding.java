package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.security.access.AccessDeniedException;
import pl.koordes.directory.DirectoryPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.directory.DirectoryEditing;

/** How the directory's administration forms read what was sent, and what a vanished record answers. */
@ControllerAdvice(basePackageClasses = AdminBinding.class)
class AdminBinding {

    private final DirectoryPermissions permissions;

    AdminBinding(DirectoryPermissions permissions) {
        this.permissions = permissions;
    }

    /**
     * Runs before every handler of the directory administration: the permission is checked here first;
     * the URL rule for /admin/** in the security configuration is the second line.
     */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canManageDirectory(user)) {
            throw new AccessDeniedException("directory administration");
        }
    }

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
