package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.accounts.internal.NewPasswordForm;
import pl.koordes.accounts.internal.PasswordPolicy;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/** Accepting an invitation (or the first administrator's set-up link): the person sets a password. */
@Controller
class InvitationController {

    private static final Limit ATTEMPTS = new Limit("invitation", 20, Duration.ofMinutes(15));

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
    String accept(
            @Valid NewPasswordForm form,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!limiter.tryConsume(ATTEMPTS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        var invitee = accounts.invitee(form.tokenText());
        if (invitee.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            // The policy's verdict too, so that every error shows at once.
            var refusal = accounts.passwordRefusal(form, locale);
            FormErrors all = refusal.map(r -> errors.with("password", r.key())).orElse(errors);
            return again(
                    model,
                    response,
                    form.tokenText(),
                    invitee.get(),
                    all,
                    refusal.map(PasswordPolicy.Refusal::detail).orElse(null));
        }
        try {
            accounts.acceptInvitation(form, locale);
        } catch (NotFound gone) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        } catch (Refused refused) {
            return again(
                    model,
                    response,
                    form.tokenText(),
                    invitee.get(),
                    FormErrors.of(refused),
                    accounts.passwordAdvice(form, locale).orElse(null));
        }
        redirect.addAttribute("aktywne", "");
        return "redirect:/logowanie";
    }

    private static String again(
            Model model,
            HttpServletResponse response,
            String token,
            AccountManagement.Invitee invitee,
            FormErrors errors,
            @Nullable String detail) {
        model.addAttribute("token", token);
        model.addAttribute("invitee", invitee);
        model.addAttribute("errors", errors);
        model.addAttribute("detail", detail);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "accounts/invitation";
    }
}
