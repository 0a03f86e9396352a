package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import pl.koordes.accounts.AccountAction;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.AuditLog;
import pl.koordes.accounts.internal.SecondFactor;
import pl.koordes.accounts.internal.SignInCodeForm;
import pl.koordes.accounts.internal.SignInHandlers;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.RateLimiter;
import pl.koordes.shared.web.RateLimiter.Limit;

/**
 * The second step of signing in: a code from the authenticator app or a recovery code; and, for
 * roles that require it, enrolling the app before the first full sign-in.
 */
@Controller
class SecondFactorController {

    private static final String PENDING_SECRET = "koordes.pendingTotpSecret";
    private static final Limit CODE_ATTEMPTS = new Limit("second-factor", 5, Duration.ofMinutes(15));

    private final Accounts accounts;
    private final SecondFactor secondFactor;
    private final SignInHandlers signIn;
    private final AuditLog audit;
    private final RateLimiter limiter;

    SecondFactorController(
            Accounts accounts, SecondFactor secondFactor, SignInHandlers signIn, AuditLog audit, RateLimiter limiter) {
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.signIn = signIn;
        this.audit = audit;
        this.limiter = limiter;
    }

    @GetMapping("/logowanie/kod")
    String codeForm(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "accounts/secondFactor";
    }

    @PostMapping("/logowanie/kod")
    @Transactional
    String verify(
            @AuthenticationPrincipal AccountUserDetails details,
            @Valid SignInCodeForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        long id = details.user().id();
        // Checked by hand around the form check: the attempt counts against the limit whatever was typed.
        if (!limiter.tryConsume(CODE_ATTEMPTS, Long.toString(id))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "accounts/tooManyAttempts";
        }
        Accounts.Row row = accounts.byId(id).orElseThrow();
        String code = form.typed();
        boolean readable = !FormErrors.check(form, result).any();
        boolean valid = readable && row.totpSecret() != null && secondFactor.verifyOnce(id, row.totpSecret(), code);
        boolean recovery = readable && !valid && secondFactor.useRecoveryCode(id, code);
        if (!valid && !recovery) {
            audit.record(details.user(), AccountAction.SECOND_FACTOR_FAILED, "account", id, null, null);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FormErrors.of(Map.of("code", "secondFactor.invalid")));
            return "accounts/secondFactor";
        }
        if (recovery) {
            audit.record(details.user(), AccountAction.RECOVERY_CODE_USED, "account", id, null, null);
        }
        limiter.reset(CODE_ATTEMPTS, Long.toString(id));
        signIn.complete(details, request, response);
        return "redirect:/konto";
    }

    @GetMapping("/logowanie/drugi-skladnik")
    String enrolForm(@AuthenticationPrincipal AccountUserDetails details, HttpSession session, Model model) {
        if (enrolled(details)) {
            return "redirect:/logowanie/kod";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactor.qrCode(details.user().email(), secret));
        model.addAttribute("errors", FormErrors.none());
        return "accounts/secondFactorEnrol";
    }

    @PostMapping("/logowanie/drugi-skladnik")
    @Transactional
    String enrol(
            @AuthenticationPrincipal AccountUserDetails details,
            @Valid SignInCodeForm form,
            BindingResult result,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (enrolled(details)) {
            return "redirect:/logowanie/kod";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || FormErrors.check(form, result).any() || !secondFactor.verify(secret, form.typed())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            if (secret == null) {
                secret = secondFactor.newSecret();
                session.setAttribute(PENDING_SECRET, secret);
            }
            model.addAttribute("secret", secret);
            model.addAttribute("qrCode", secondFactor.qrCode(details.user().email(), secret));
            model.addAttribute("errors", FormErrors.of(Map.of("code", "secondFactor.invalid")));
            return "accounts/secondFactorEnrol";
        }
        long id = details.user().id();
        accounts.setSecondFactor(id, secret, true);
        session.removeAttribute(PENDING_SECRET);
        audit.record(
                details.user(),
                AccountAction.SECOND_FACTOR_ENROLLED,
                "account",
                id,
                Map.of("secondFactor", false),
                Map.of("secondFactor", true));
        model.addAttribute("codes", secondFactor.newRecoveryCodes(id));
        signIn.complete(details, request, response);
        return "accounts/recoveryCodes";
    }

    /** Whether the person already has a second factor: then only a code completes the sign-in, never a new key. */
    private boolean enrolled(AccountUserDetails details) {
        return details.secondFactorEnrolled()
                || accounts.byId(details.user().id())
                        .map(Accounts.Row::totpEnabled)
                        .orElse(true);
    }
}
