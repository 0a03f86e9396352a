package pl.koordes.content.internal;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what in the public portal: editors and administrators write articles and pages, upload
 * images and manage quotes and partners; everyone reads what is published.
 */
@Component
public class ContentPermissions {

    /** Writing, publishing, restoring and deleting articles; uploading images. */
    public boolean canEditArticles(Optional<CurrentUser> user) {
        return user.map(u -> u.has(Role.EDITOR) || u.has(Role.ADMINISTRATOR)).orElse(false);
    }

    public boolean canEditArticles(CurrentUser user) {
        return canEditArticles(Optional.of(user));
    }

    /** Static pages, their place in the navigation, motto quotes, patrons and partners. */
    public boolean canEditSite(Optional<CurrentUser> user) {
        return canEditArticles(user);
    }

    /**
     * Stops a request of someone who may not edit: anonymous visitors are sent to sign in, signed-in
     * people get 403 (Spring Security's handling of this exception does both).
     */
    public void requireEditor(Optional<CurrentUser> user) {
        if (!canEditArticles(user)) {
            throw new AccessDeniedException("content editors only");
        }
    }
}
