package pl.koordes.comments.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.comments.CommentPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;

/** The header's way into the comment moderation queue, for editors and administrators. */
@Component
class ModerationHeaderLink implements HeaderLink {

    private final CommentPermissions permissions;

    ModerationHeaderLink(CommentPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Optional<Page.NavigationItem> link(CurrentUser user) {
        return permissions.canModerate(user)
                ? Optional.of(new Page.NavigationItem(QueueView.QUEUE, "comments.headerLink")) : Optional.empty();
    }

    @Override
    public int order() {
        return 60;
    }
}
