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
import pl.koordes.accounts.internal.NewPasswordForm;
import pl.koordes.accounts.internal.PasswordPolicy;
import pl.koordes.accounts.internal.PasswordReset;
import pl.koordes.accounts.internal.PasswordResetRequestForm;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/** Asking for a password-reset link, and setting a new password with it. */
@Controller
class PasswordResetController {

    private static final Limit REQUESTS_PER_ADDRESS = new Limit("reset-address", 10, Duration.ofMinutes(15));
    private static final Limit REQUESTS_PER_EMAIL = new Limit("reset-email", 3, Duration.ofMinutes(15));
    private static final Limit ATTEMPTS = new Limit("reset-attempt", 20, Duration.ofMinutes(15));

    private final PasswordReset reset;
    private final RateLimiter limiter;

    PasswordResetController(PasswordReset reset, RateLimiter limiter) {
        this.reset = reset;
        this.limiter = limiter;
    }

    @GetMapping("/haslo/przypomnij")
    String requestForm(@RequestParam(name = "wyslano", required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        model.addAttribute("email", "");
        model.addAttribute("errors", FormErrors.none());
        return "accounts/passwordResetRequest";
    }

    @PostMapping("/haslo/przypomnij")
    String request(
            @Valid PasswordResetRequestForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("sent", false);
            model.addAttribute("email", RegistrationController.cut(form.email(), EmailAddresses.MAX_LENGTH));
            model.addAttribute("errors", errors);
            return "accounts/passwordResetRequest";
        }
        String email = form.email() == null ? "" : form.email();
        if (!limiter.tryConsume(REQUESTS_PER_ADDRESS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        // Over the per-address limit nothing is sent, but the answer stays the same, so it reveals nothing.
        if (limiter.tryConsume(REQUESTS_PER_EMAIL, email.toLowerCase(Locale.ROOT))) {
            reset.requestLink(email);
        }
        return "redirect:/haslo/przypomnij?wyslano";
    }

    @GetMapping("/haslo/nowe")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!reset.linkValid(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("detail", null);
        return "accounts/passwordResetForm";
    }

    @PostMapping("/haslo/nowe")
    String setNewPassword(
            @Valid NewPasswordForm form,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!limiter.tryConsume(ATTEMPTS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            // The policy's verdict too, so that every error shows at once.
            var refusal = reset.passwordRefusal(form, locale);
            FormErrors all = refusal.map(r -> errors.with("password", r.key())).orElse(errors);
            return again(
                    model,
                    response,
                    form.tokenText(),
                    all,
                    refusal.map(PasswordPolicy.Refusal::detail).orElse(null));
        }
        try {
            reset.reset(form, locale);
        } catch (NotFound gone) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        } catch (Refused refused) {
            return again(
                    model,
                    response,
                    form.tokenText(),
                    FormErrors.of(refused),
                    reset.passwordAdvice(form, locale).orElse(null));
        }
        return "redirect:/logowanie?haslo";
    }

    private static String again(
            Model model, HttpServletResponse response, String token, FormErrors errors, @Nullable String detail) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("detail", detail);
        return "accounts/passwordResetForm";
    }
}
