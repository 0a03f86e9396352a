package pl.koordes.accounts.web.admin;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import pl.koordes.accounts.internal.AccountPermissions;
import pl.koordes.shared.golive.GoLiveCheck;
import pl.koordes.shared.security.CurrentUser;

/**
 * The go-live checklist: what every module says must be settled before launch (placeholders left in the
 * pages, the public address, the mail server, the administrators' second factor…), each item with its
 * state and what to do, read afresh on every visit so that a fix shows at once.
 */
@Controller
class GoLiveController {

    private final List<GoLiveCheck> checks;
    private final AccountPermissions permissions;

    GoLiveController(List<GoLiveCheck> checks, AccountPermissions permissions) {
        this.checks = checks;
        this.permissions = permissions;
    }

    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canOpenAdministration(user)) {
            throw new AccessDeniedException("administration");
        }
    }

    @GetMapping("/admin/gotowosc")
    String checklist(Model model) {
        List<GoLiveCheck.Item> items = items(checks);
        model.addAttribute("items", items);
        model.addAttribute("done", items.stream().filter(GoLiveCheck.Item::done).count());
        return "accounts/admin/golive";
    }

    /** Every module's items in the checklist's order. */
    static List<GoLiveCheck.Item> items(List<GoLiveCheck> checks) {
        return checks.stream()
                .flatMap(check -> check.items().stream())
                .sorted(Comparator.comparingInt(GoLiveCheck.Item::order))
                .toList();
    }
}
