package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.internal.VisitorDataAccess;
import pl.koordes.accounts.internal.VisitorDataRequestForm;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Moje dane" for people without an account: ask for a link, follow it, see and download what is kept
 * about the address, and erase it after a second look.
 */
@Controller
class VisitorDataController {

    private static final Limit REQUESTS_PER_ADDRESS = new Limit("visitor-data-address", 10, Duration.ofMinutes(15));
    private static final Limit REQUESTS_PER_EMAIL = new Limit("visitor-data-email", 3, Duration.ofMinutes(15));

    private final VisitorDataAccess access;
    private final RateLimiter limiter;

    VisitorDataController(VisitorDataAccess access, RateLimiter limiter) {
        this.access = access;
        this.limiter = limiter;
    }

    @GetMapping("/moje-dane")
    String requestForm(
            @RequestParam(name = "wyslano", required = false) String sent,
            @RequestParam(name = "usunieto", required = false) String erased,
            Model model) {
        return requestPage(model, sent != null, erased != null, "", FormErrors.none());
    }

    @PostMapping("/moje-dane")
    String request(
            @Valid VisitorDataRequestForm form,
            BindingResult result,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return requestPage(
                    model, false, false, RegistrationController.cut(form.email(), EmailAddresses.MAX_LENGTH), errors);
        }
        if (!limiter.tryConsume(REQUESTS_PER_ADDRESS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        String email = form.email() == null ? "" : form.email();
        // Over the per-address limit nothing is sent, but the answer stays the same.
        if (limiter.tryConsume(REQUESTS_PER_EMAIL, email.toLowerCase(Locale.ROOT))) {
            access.requestLink(email, locale);
        }
        return "redirect:/moje-dane?wyslano";
    }

    @GetMapping("/moje-dane/dostep")
    String data(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Map<String, Object>> data = access.export(token);
        if (data.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("data", data.get());
        return "accounts/visitorData";
    }

    @GetMapping("/moje-dane/eksport")
    ResponseEntity<byte[]> download(@RequestParam(defaultValue = "") String token) {
        return access.export(token)
                .map(data -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"koordes-moje-dane.json\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(JsonMapper.builder()
                                .build()
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsBytes(data)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE).build());
    }

    @PostMapping("/moje-dane/usun")
    String erase(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String confirm,
            Model model,
            HttpServletResponse response) {
        if (!"true".equals(confirm)) {
            Optional<Map<String, Object>> data = access.export(token);
            if (data.isEmpty()) {
                response.setStatus(HttpStatus.GONE.value());
                return "accounts/linkInvalid";
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("token", token);
            model.addAttribute("data", data.get());
            model.addAttribute("errors", FormErrors.of(Map.of("confirm", "visitorData.erase.confirmRequired")));
            return "accounts/visitorData";
        }
        if (!access.erase(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        return "redirect:/moje-dane?usunieto";
    }

    private static String requestPage(Model model, boolean sent, boolean erased, String email, FormErrors errors) {
        model.addAttribute("sent", sent);
        model.addAttribute("erased", erased);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "accounts/visitorDataRequest";
    }
}
