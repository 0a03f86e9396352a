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
import pl.koordes.accounts.Profiles;
import pl.koordes.accounts.internal.SelfRegistration;
import pl.koordes.accounts.internal.SelfRegistrationForm;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/** Creating a participant account and confirming its e-mail address. */
@Controller
class RegistrationController {

    private static final Limit REGISTRATIONS = new Limit("registration", 10, Duration.ofHours(1));

    private final SelfRegistration registration;
    private final RateLimiter limiter;

    RegistrationController(SelfRegistration registration, RateLimiter limiter) {
        this.registration = registration;
        this.limiter = limiter;
    }

    @GetMapping("/rejestracja")
    String form(@RequestParam(name = "wyslano", required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        return form(model, SelfRegistrationForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/rejestracja")
    String register(
            @Valid SelfRegistrationForm form,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!limiter.tryConsume(REGISTRATIONS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        FormErrors errors = FormErrors.check(form, result);
        String advice = null;
        if (errors.any()) {
            // The policy's verdict too, so that every error shows at once.
            var refusal = registration.passwordRefusal(form, locale);
            if (refusal.isPresent()) {
                errors = errors.with("password", refusal.get().key());
                advice = refusal.get().detail();
            }
        } else {
            try {
                registration.register(form, locale);
                return "redirect:/rejestracja?wyslano";
            } catch (Refused refused) {
                errors = FormErrors.of(refused);
                advice = registration.passwordAdvice(form, locale).orElse(null);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("sent", false);
        return form(model, form, errors, advice);
    }

    /** The link opens a page asking for a click: opening it (as mail scanners do) confirms nothing. */
    @GetMapping("/rejestracja/potwierdz")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (!registration.confirmable(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        model.addAttribute("token", token);
        return "accounts/registrationConfirm";
    }

    @PostMapping("/rejestracja/potwierdz")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
        if (!registration.confirm(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        return "redirect:/logowanie?potwierdzone";
    }

    private static String form(Model model, SelfRegistrationForm form, FormErrors errors, @Nullable String advice) {
        // What was typed comes back, cut so that a huge paste cannot make a huge page; passwords never do.
        model.addAttribute("displayName", cut(form.displayName(), Profiles.NAME_MAX));
        model.addAttribute("email", cut(form.email(), EmailAddresses.MAX_LENGTH));
        model.addAttribute("errors", errors);
        model.addAttribute("advice", advice);
        return "accounts/registration";
    }

    static String cut(@Nullable String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
