package pl.koordes.accounts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.directory.Directory;

/** The signed-in person's own page: who they are and what roles they hold where. */
@Controller
class AccountController {

    private final Directory directory;

    AccountController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/konto")
    String account(@AuthenticationPrincipal AccountUserDetails details, Model model) {
        model.addAttribute("user", details.user());
        model.addAttribute("regions", directory.regions());
        return "accounts/account";
    }
}
