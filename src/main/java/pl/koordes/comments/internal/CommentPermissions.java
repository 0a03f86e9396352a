package pl.koordes.comments.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/** Who may do what with comments; used by the controllers and the templates. */
@Component
public class CommentPermissions {

    /** Anyone may comment and report, signed in or not. */
    public boolean canComment(@Nullable CurrentUser user) {
        return true;
    }

    /** The moderation queue, replies, editing and the banned phrases: editors and administrators. */
    public boolean canModerate(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR));
    }
}
