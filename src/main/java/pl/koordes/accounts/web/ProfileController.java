package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.accounts.Profiles;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.accounts.internal.SignInHandlers;
import pl.koordes.directory.Directory;
import pl.koordes.shared.web.FormErrors;
import tools.jackson.databind.json.JsonMapper;

/** The person's own account page: details, e-mail, password, second factor, their data and erasure. */
@Controller
class ProfileController {

    private static final String PENDING_SECRET = "koordes.profileTotpSecret";

    private final Profiles profiles;
    private final Directory directory;
    private final SignInHandlers signIn;
    private final UserDetailsService users;

    ProfileController(Profiles profiles, Directory directory, SignInHandlers signIn, UserDetailsService users) {
        this.profiles = profiles;
        this.directory = directory;
        this.signIn = signIn;
        this.users = users;
    }

    @GetMapping("/konto")
    String account(@AuthenticationPrincipal AccountUserDetails me, @RequestParam(name = "zapisano", required = false) String saved,
            Model model) {
        return page(me, model, FormErrors.none(), null, saved);
    }

    @PostMapping("/konto/dane")
    String details(@AuthenticationPrincipal AccountUserDetails me, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "pl") String language, @RequestParam(defaultValue = "false") boolean notifications,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> errors = profiles.updateDetails(me.user().id(), displayName, language, notifications);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(me, model, FormErrors.of(errors), null, null);
        }
        refresh(me, request, response);
        return "redirect:/konto?zapisano=dane&lang=" + ("en".equals(language) ? "en" : "pl");
    }

    @PostMapping("/konto/email")
    String email(@AuthenticationPrincipal AccountUserDetails me, @RequestParam(defaultValue = "") String currentPasswordEmail,
            @RequestParam(defaultValue = "") String newEmail, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, String> errors = profiles.changeEmail(me.user().id(), currentPasswordEmail, newEmail);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("typedEmail", newEmail.length() > 254 ? newEmail.substring(0, 254) : newEmail);
            return page(me, model, FormErrors.of(errors), null, null);
        }
        refresh(me, request, response);
        return "redirect:/konto?zapisano=email";
    }

    @PostMapping("/konto/haslo")
    String password(@AuthenticationPrincipal AccountUserDetails me, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String passwordRepeated,
            Locale locale, Model model, HttpServletResponse response) {
        Map<String, String> errors = profiles.changePassword(me.user().id(), currentPassword, newPassword, passwordRepeated, locale);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String advice = errors.containsKey("newPassword")
                    ? profiles.passwordAdvice(me.user().id(), newPassword, locale).orElse(null) : null;
            return page(me, model, FormErrors.of(errors), advice, null);
        }
        return "redirect:/konto?zapisano=haslo";
    }

    @GetMapping("/konto/drugi-skladnik")
    String secondFactorForm(@AuthenticationPrincipal AccountUserDetails me, HttpSession session, Model model) {
        return enrolPage(me, session, model, FormErrors.none());
    }

    @PostMapping("/konto/drugi-skladnik")
    String enableSecondFactor(@AuthenticationPrincipal AccountUserDetails me,
            @RequestParam(defaultValue = "") String currentPasswordTotp, @RequestParam(defaultValue = "") String code,
            HttpSession session, Model model, HttpServletResponse response) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        Profiles.Result<List<String>> result = profiles.enableSecondFactor(me.user().id(), currentPasswordTotp, secret, code);
        if (!result.succeeded()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return enrolPage(me, session, model, FormErrors.of(result.errors()));
        }
        session.removeAttribute(PENDING_SECRET);
        model.addAttribute("codes", result.value());
        return "accounts/recoveryCodes";
    }

    @PostMapping("/konto/drugi-skladnik/wylacz")
    String disableSecondFactor(@AuthenticationPrincipal AccountUserDetails me,
            @RequestParam(defaultValue = "") String currentPasswordTotp, Model model, HttpServletResponse response) {
        Map<String, String> errors = profiles.disableSecondFactor(me.user().id(), currentPasswordTotp);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(me, model, FormErrors.of(errors), null, null);
        }
        return "redirect:/konto?zapisano=drugi-skladnik";
    }

    @PostMapping("/konto/kody-zapasowe")
    String recoveryCodes(@AuthenticationPrincipal AccountUserDetails me,
            @RequestParam(defaultValue = "") String currentPasswordTotp, Model model, HttpServletResponse response) {
        Profiles.Result<List<String>> result = profiles.newRecoveryCodes(me.user().id(), currentPasswordTotp);
        if (!result.succeeded()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(me, model, FormErrors.of(result.errors()), null, null);
        }
        model.addAttribute("codes", result.value());
        return "accounts/recoveryCodes";
    }

    @GetMapping("/konto/moje-dane.json")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountUserDetails me) {
        byte[] json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(profiles.export(me.user().id()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"koordes-moje-dane.json\"")
                .body(json);
    }

    @PostMapping("/konto/usun")
    String delete(@AuthenticationPrincipal AccountUserDetails me, @RequestParam(defaultValue = "") String currentPasswordDelete,
            @RequestParam(defaultValue = "false") boolean confirm, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!confirm) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(me, model, FormErrors.of(Map.of("confirm", "profile.delete.confirmRequired")), null, null);
        }
        if (!profiles.delete(me.user().id(), currentPasswordDelete)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(me, model, FormErrors.of(Map.of("currentPasswordDelete", "profile.currentPassword.wrong")), null, null);
        }
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/?konto-usuniete";
    }

    private String page(AccountUserDetails me, Model model, FormErrors errors, String advice, String saved) {
        model.addAttribute("profile", profiles.profile(me.user().id()));
        model.addAttribute("regions", directory.regions());
        model.addAttribute("errors", errors);
        model.addAttribute("advice", advice);
        model.addAttribute("saved", saved);
        if (!model.containsAttribute("typedEmail")) {
            model.addAttribute("typedEmail", "");
        }
        return "accounts/profile";
    }

    private String enrolPage(AccountUserDetails me, HttpSession session, Model model, FormErrors errors) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = profiles.newSecondFactorSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", profiles.qrCode(me.user().email(), secret));
        model.addAttribute("errors", errors);
        return "accounts/profileSecondFactor";
    }

    private void refresh(AccountUserDetails me, HttpServletRequest request, HttpServletResponse response) {
        AccountUserDetails updated = (AccountUserDetails) users.loadUserByUsername(profiles.profile(me.user().id()).email());
        updated.eraseCredentials();
        signIn.refresh(updated, request, response);
    }
}
