package pl.koordes.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.accounts.internal.AccountUserDetails;
import pl.koordes.accounts.internal.EmailChange;
import pl.koordes.accounts.internal.SignInHandlers;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * The two links of an address change: the one sent to the new address confirms it, the one sent to the
 * old address undoes it. Both work without signing in (following the link proves the address) and both
 * show what they will do and ask for a click first, so that a mail scanner opening links changes nothing.
 */
@Controller
class EmailChangeController {

    private final EmailChange change;
    private final SignInHandlers signIn;
    private final UserDetailsService users;

    EmailChangeController(EmailChange change, SignInHandlers signIn, UserDetailsService users) {
        this.change = change;
        this.signIn = signIn;
        this.users = users;
    }

    @GetMapping("/adres/potwierdz")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        return ask(change.pendingChange(token), token, "confirm", model, response);
    }

    @PostMapping("/adres/potwierdz")
    String confirm(
            @RequestParam(defaultValue = "") String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return following(model, response, () -> {
            EmailChange.Confirmed confirmed = change.confirm(token);
            if (SecurityContextHolder.getContext().getAuthentication() != null
                    && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                            instanceof AccountUserDetails me
                    && me.user().id() == confirmed.accountId()) {
                // Confirmed in the browser the person is signed in with: it stays signed in, with the new address.
                AccountUserDetails updated = (AccountUserDetails) users.loadUserByUsername(confirmed.address());
                updated.eraseCredentials();
                signIn.refresh(updated, request, response);
                return "redirect:/konto?zapisano=email";
            }
            return "redirect:/logowanie?adres";
        });
    }

    @GetMapping("/adres/cofnij")
    String undoPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        return ask(change.pendingUndo(token), token, "undo", model, response);
    }

    @PostMapping("/adres/cofnij")
    String undo(
            @RequestParam(defaultValue = "") String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        return following(model, response, () -> {
            String next = change.undo(token);
            // Every session of the account ended; this browser starts afresh, whoever it was signed in as.
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:" + next;
        });
    }

    /** Follows a link: the step's next page, or why the link does nothing (gone: 410, address taken: 409). */
    private static String following(Model model, HttpServletResponse response, Supplier<String> step) {
        try {
            return step.get();
        } catch (NotFound gone) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        } catch (Refused taken) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", taken.reasons().getFirst().messageKey());
            return "accounts/emailChangeTaken";
        }
    }

    private static String ask(
            Optional<EmailChange.Pending> pending,
            String token,
            String kind,
            Model model,
            HttpServletResponse response) {
        if (pending.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "accounts/linkInvalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("address", pending.get().address());
        model.addAttribute("kind", kind);
        return "accounts/emailChange";
    }
}
