package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.accounts.PasswordReset;
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
    String request(@RequestParam(defaultValue = "") String email, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        String trimmed = email.strip();
        if (!EmailAddresses.valid(trimmed)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("sent", false);
            model.addAttribute("email", email.length() > EmailAddresses.MAX_LENGTH ? email.substring(0, EmailAddresses.MAX_LENGTH) : email);
            model.addAttribute("errors", FormErrors.of(Map.of("email", "reset.email.invalid")));
            return "accounts/passwordResetRequest";
        }
        if (!limiter.tryConsume(REQUESTS_PER_ADDRESS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        // Over the per-address limit nothing is sent, but the answer stays the same, so it reveals nothing.
        if (limiter.tryConsume(REQUESTS_PER_EMAIL, trimmed.toLowerCase(Locale.ROOT))) {
            reset.requestLink(trimmed);
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
    String setNewPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeated, Locale locale, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!limiter.tryConsume(ATTEMPTS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        if (!password.equals(passwordRepeated)) {
            return again(model, response, token, FormErrors.of(Map.of("passwordRepeated", "password.mismatch")), null);
        }
        AccountManagement.AcceptResult result = reset.reset(token, password, locale);
        if (result.linkInvalid()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        if (!result.accepted()) {
            return again(model, response, token, FormErrors.of(Map.of("password", result.refusal().key())),
                    result.refusal().detail());
        }
        return "redirect:/logowanie?haslo";
    }

    private static String again(Model model, HttpServletResponse response, String token, FormErrors errors, String detail) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("detail", detail);
        return "accounts/passwordResetForm";
    }
}
