package pl.koordes.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.internal.AccountsProperties;

/** The sign-in page; the form is processed by Spring Security (see SecurityConfiguration). */
@Controller
class SignInController {

    private final AccountsProperties properties;

    SignInController(AccountsProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/logowanie")
    String signIn(
            @RequestParam(name = "blad", required = false) String failed,
            @RequestParam(name = "zablokowane", required = false) String locked,
            @RequestParam(name = "wygaslo", required = false) String expired,
            @RequestParam(name = "aktywne", required = false) String activated,
            @RequestParam(name = "potwierdzone", required = false) String confirmed,
            @RequestParam(name = "haslo", required = false) String passwordChanged,
            @RequestParam(name = "adres", required = false) String emailChanged,
            Model model) {
        String problem = locked != null ? "signIn.locked" : failed != null ? "signIn.failed" : null;
        model.addAttribute("problem", problem);
        model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
        model.addAttribute("expired", expired != null);
        model.addAttribute("activated", activated != null);
        model.addAttribute("confirmed", confirmed != null);
        model.addAttribute("passwordChanged", passwordChanged != null);
        model.addAttribute("emailChanged", emailChanged != null);
        return "accounts/signIn";
    }
}
