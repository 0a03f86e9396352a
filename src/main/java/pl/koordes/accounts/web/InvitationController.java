package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.accounts.PasswordPolicy;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/** Accepting an invitation (or the first administrator's set-up link): the person sets a password. */
@Controller
class InvitationController {

    private static final Limit ATTEMPTS = new Limit("invitation", 20, java.time.Duration.ofMinutes(15));

    private final AccountManagement accounts;
    private final RateLimiter limiter;

    InvitationController(AccountManagement accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    @GetMapping("/zaproszenie")
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        var invitee = accounts.invitee(token);
        if (invitee.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("invitee", invitee.get());
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("detail", null);
        return "accounts/invitation";
    }

    @PostMapping("/zaproszenie")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeated, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!limiter.tryConsume(ATTEMPTS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        var invitee = accounts.invitee(token);
        if (invitee.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        if (!password.equals(passwordRepeated)) {
            return again(model, response, token, invitee.get(), FormErrors.of(java.util.Map.of("passwordRepeated", "password.mismatch")), null);
        }
        AccountManagement.AcceptResult result = accounts.acceptInvitation(token, password, locale);
        if (result.linkInvalid()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        if (!result.accepted()) {
            PasswordPolicy.Refusal refusal = result.refusal();
            return again(model, response, token, invitee.get(), FormErrors.of(java.util.Map.of("password", refusal.key())), refusal.detail());
        }
        redirect.addAttribute("aktywne", "");
        return "redirect:/logowanie";
    }

    private static String again(Model model, HttpServletResponse response, String token, AccountManagement.Invitee invitee, FormErrors errors, String detail) {
        model.addAttribute("token", token);
        model.addAttribute("invitee", invitee);
        model.addAttribute("errors", errors);
        model.addAttribute("detail", detail);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "accounts/invitation";
    }
}
