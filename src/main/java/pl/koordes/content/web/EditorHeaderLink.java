package pl.koordes.content.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.content.ContentPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;

/** The header's "Redakcja" link, for editors and administrators. */
@Component
class EditorHeaderLink implements HeaderLink {

    private final ContentPermissions permissions;

    EditorHeaderLink(ContentPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Optional<Page.NavigationItem> link(CurrentUser user) {
        return permissions.canEditArticles(user) ? Optional.of(new Page.NavigationItem("/redakcja", "content.editor.link"))
                : Optional.empty();
    }

    @Override
    public int order() {
        return 40;
    }
}
