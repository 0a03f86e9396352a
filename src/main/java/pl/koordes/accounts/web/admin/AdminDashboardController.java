package pl.koordes.accounts.web.admin;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import pl.koordes.accounts.PeopleManagement;
import pl.koordes.accounts.internal.AccountPermissions;
import pl.koordes.shared.golive.GoLiveCheck;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.HeaderLink;

/** The start of the administration panel: links to its sections and a count of people by status. */
@Controller
class AdminDashboardController {

    /** The header's "Administracja" link, for whoever may open the administration panel. */
    @Bean
    static HeaderLink administrationHeaderLink(AccountPermissions permissions) {
        return HeaderLink.to("/admin", "layout.admin", 100, permissions::canOpenAdministration);
    }

    private final PeopleManagement people;
    private final AccountPermissions permissions;
    private final List<GoLiveCheck> checks;

    AdminDashboardController(PeopleManagement people, AccountPermissions permissions, List<GoLiveCheck> checks) {
        this.people = people;
        this.permissions = permissions;
        this.checks = checks;
    }

    /** Runs before every handler here: the URL rule for /admin/** is the second line, this the first. */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canOpenAdministration(user)) {
            throw new AccessDeniedException("administration");
        }
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        model.addAttribute("counts", people.countByStatus());
        model.addAttribute(
                "left",
                GoLiveController.items(checks).stream()
                        .filter(item -> !item.done())
                        .count());
        return "accounts/admin/dashboard";
    }
}
