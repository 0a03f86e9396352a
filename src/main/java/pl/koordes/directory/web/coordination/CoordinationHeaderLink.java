package pl.koordes.directory.web.coordination;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;

/** The header's "Koordynacja" link, for regional coordinators (and administrators, who may act for any region). */
@Component
class CoordinationHeaderLink implements HeaderLink {

    private final DirectoryPermissions permissions;

    CoordinationHeaderLink(DirectoryPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Optional<Page.NavigationItem> link(CurrentUser user) {
        return permissions.canUseWorkspace(user)
                ? Optional.of(new Page.NavigationItem(CoordinationController.BASE, "directory.coordination.link"))
                : Optional.empty();
    }

    @Override
    public int order() {
        return 50;
    }
}
