package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.Profiles;
import pl.koordes.accounts.internal.AccountDeletionForm;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.accounts.internal.EmailChange;
import pl.koordes.accounts.internal.EmailChangeForm;
import pl.koordes.accounts.internal.PasswordChangeForm;
import pl.koordes.accounts.internal.ProfileDetailsForm;
import pl.koordes.accounts.internal.SecondFactorForm;
import pl.koordes.accounts.internal.SignInHandlers;
import pl.koordes.directory.Directory;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import tools.jackson.databind.json.JsonMapper;

/** The person's own account page: details, e-mail, password, second factor, their data and erasure. */
@Controller
class ProfileController {

    private static final String PENDING_SECRET = "koordes.profileTotpSecret";

    private final Profiles profiles;
    private final Directory directory;
    private final SignInHandlers signIn;
    private final UserDetailsService users;
    private final EmailChange emailChange;

    ProfileController(
            Profiles profiles,
            Directory directory,
            SignInHandlers signIn,
            UserDetailsService users,
            EmailChange emailChange) {
        this.emailChange = emailChange;
        this.profiles = profiles;
        this.directory = directory;
        this.signIn = signIn;
        this.users = users;
    }

    @GetMapping("/konto")
    String account(
            @AuthenticationPrincipal AccountUserDetails me,
            @RequestParam(name = "zapisano", required = false) String saved,
            Model model) {
        return page(me, model, FormErrors.none(), null, saved);
    }

    @PostMapping("/konto/dane")
    String details(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid ProfileDetailsForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return onProfilePage(me, form, result, model, response, () -> {
            profiles.updateDetails(me.user().id(), form);
            refresh(me, request, response);
            return "redirect:/konto?zapisano=dane&lang=" + form.languageCode();
        });
    }

    @PostMapping("/konto/email")
    String email(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid EmailChangeForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        // The address typed stays in the form when it is shown again.
        model.addAttribute("typedEmail", RegistrationController.cut(form.newEmail(), EmailAddresses.MAX_LENGTH));
        return onProfilePage(me, form, result, model, response, () -> {
            emailChange.request(me.user().id(), form);
            return "redirect:/konto?zapisano=email-link";
        });
    }

    @PostMapping("/konto/haslo")
    String password(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid PasswordChangeForm form,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    profiles.changePassword(me.user().id(), form, locale);
                    return "redirect:/konto?zapisano=haslo";
                },
                errors -> {
                    // The policy's verdict too, when the form's own checks stopped the change before it.
                    FormErrors all = profiles.passwordRefusal(me.user().id(), form.newPassword(), locale)
                            .map(refusal -> errors.with("newPassword", refusal.key()))
                            .orElse(errors);
                    return page(me, model, all, advice(me, form, all, locale), null);
                });
    }

    /** Why the policy refused the new password, beside the field; nothing when something else was wrong. */
    private @Nullable String advice(AccountUserDetails me, PasswordChangeForm form, FormErrors errors, Locale locale) {
        String typed = form.newPassword();
        if (typed == null || !errors.has("newPassword")) {
            return null;
        }
        return profiles.passwordAdvice(me.user().id(), typed, locale).orElse(null);
    }

    @GetMapping("/konto/drugi-skladnik")
    String secondFactorForm(@AuthenticationPrincipal AccountUserDetails me, HttpSession session, Model model) {
        return enrolPage(me, session, model, FormErrors.none());
    }

    @PostMapping("/konto/drugi-skladnik")
    String enableSecondFactor(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid SecondFactorForm form,
            BindingResult result,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    List<String> codes = profiles.enableSecondFactor(
                            me.user().id(), form, (String) session.getAttribute(PENDING_SECRET));
                    session.removeAttribute(PENDING_SECRET);
                    model.addAttribute("codes", codes);
                    return "accounts/recoveryCodes";
                },
                errors -> enrolPage(me, session, model, errors));
    }

    @PostMapping("/konto/drugi-skladnik/wylacz")
    String disableSecondFactor(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid SecondFactorForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        return onProfilePage(me, form, result, model, response, () -> {
            profiles.disableSecondFactor(me.user().id(), form);
            return "redirect:/konto?zapisano=drugi-skladnik";
        });
    }

    @PostMapping("/konto/kody-zapasowe")
    String recoveryCodes(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid SecondFactorForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        return onProfilePage(me, form, result, model, response, () -> {
            model.addAttribute("codes", profiles.newRecoveryCodes(me.user().id(), form));
            return "accounts/recoveryCodes";
        });
    }

    @GetMapping("/konto/moje-dane.json")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AccountUserDetails me) {
        byte[] json = JsonMapper.builder()
                .build()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(profiles.export(me.user().id()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"koordes-moje-dane.json\"")
                .body(json);
    }

    /** Deleting the account asks on a page of its own: what will happen, the box to tick and the password. */
    @GetMapping("/konto/usun")
    String deleteForm(Model model) {
        model.addAttribute("errors", FormErrors.none());
        return "accounts/delete";
    }

    @PostMapping("/konto/usun")
    String delete(
            @AuthenticationPrincipal AccountUserDetails me,
            @Valid AccountDeletionForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Supplier<String> deletion = () -> {
            profiles.delete(me.user().id(), form);
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/?konto-usuniete";
        };
        return FormSubmission.submit(form, result, response, deletion, errors -> {
            model.addAttribute("errors", errors);
            return "accounts/delete";
        });
    }

    /** A form of the account page: on success where the operation says, else the account page with the errors. */
    private String onProfilePage(
            AccountUserDetails me,
            Object form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            Supplier<String> operation) {
        return FormSubmission.submit(form, result, response, operation, errors -> page(me, model, errors, null, null));
    }

    private String page(
            AccountUserDetails me, Model model, FormErrors errors, @Nullable String advice, @Nullable String saved) {
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
        AccountUserDetails updated = (AccountUserDetails)
                users.loadUserByUsername(profiles.profile(me.user().id()).email());
        updated.eraseCredentials();
        signIn.refresh(updated, request, response);
    }
}
