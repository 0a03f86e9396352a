package pl.koordes.directory.web.admin;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import pl.koordes.directory.internal.DirectoryPermissions;
import pl.koordes.shared.security.CurrentUser;

/** Only administrators reach the directory's administration. */
@ControllerAdvice(basePackageClasses = DirectoryAdminAccess.class)
class DirectoryAdminAccess {

    private final DirectoryPermissions permissions;

    DirectoryAdminAccess(DirectoryPermissions permissions) {
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
}
