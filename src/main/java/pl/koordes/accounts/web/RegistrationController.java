package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.Registration;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/** Creating a participant account and confirming its e-mail address. */
@Controller
class RegistrationController {

    private static final Limit REGISTRATIONS = new Limit("registration", 10, Duration.ofHours(1));

    private final Registration registration;
    private final RateLimiter limiter;

    RegistrationController(Registration registration, RateLimiter limiter) {
        this.registration = registration;
        this.limiter = limiter;
    }

    @GetMapping("/rejestracja")
    String form(@RequestParam(name = "wyslano", required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return form(model, "", "", FormErrors.none(), null);
    }

    @PostMapping("/rejestracja")
    String register(@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordRepeated,
            Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (!limiter.tryConsume(REGISTRATIONS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        Registration.Outcome outcome = registration.register(displayName, email, password, passwordRepeated, locale);
        if (!outcome.succeeded()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("sent", false);
            return form(model, cut(displayName, 200), cut(email, 254), FormErrors.of(outcome.errors()), outcome.passwordAdvice());
        }
        return "redirect:/rejestracja?wyslano";
    }

    @GetMapping("/rejestracja/potwierdz")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        if (!registration.confirm(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        return "redirect:/logowanie?aktywne";
    }

    private static String form(Model model, String name, String email, FormErrors errors, String advice) {
        model.addAttribute("displayName", name);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        model.addAttribute("advice", advice);
        return "accounts/registration";
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
