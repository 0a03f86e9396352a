package pl.koordes.accounts.web;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;

/** The header's "Administracja" link, for whoever may open the administration panel. */
@Component
class AdministrationHeaderLink implements HeaderLink {

    private final AccountPermissions permissions;

    AdministrationHeaderLink(AccountPermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public Optional<Page.NavigationItem> link(CurrentUser user) {
        return permissions.canOpenAdministration(user) ? Optional.of(new Page.NavigationItem("/admin", "layout.admin"))
                : Optional.empty();
    }

    @Override
    public int order() {
        return 100;
    }
}
