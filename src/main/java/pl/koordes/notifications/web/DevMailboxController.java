package pl.koordes.notifications.web;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.notifications.internal.DevMailbox;
import pl.koordes.notifications.internal.MailTransport;
import pl.koordes.notifications.internal.NotificationPermissions;
import pl.koordes.shared.security.CurrentUser;

/**
 * The development mailbox: every message the application "sent" while no SMTP server is configured.
 * Exists only then; administrators only ({@link NotificationPermissions}; the security configuration guards {@code /admin/**} too).
 */
@Controller
@ConditionalOnExpression(MailTransport.DEV_MAILBOX)
class DevMailboxController {

    private final DevMailbox mailbox;
    private final NotificationPermissions permissions;

    DevMailboxController(DevMailbox mailbox, NotificationPermissions permissions) {
        this.mailbox = mailbox;
        this.permissions = permissions;
    }

    /** Checked before every handler here; the URL rule for /admin/** is the second line. */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canReadDevMailbox(user)) {
            throw new AccessDeniedException("development mailbox");
        }
    }

    @GetMapping("/admin/poczta")
    String list(@RequestParam(name = "strona", defaultValue = "1") int number, Model model) {
        model.addAttribute("mailbox", mailbox.page(number));
        return "notifications/mailbox";
    }

    @GetMapping("/admin/poczta/{id}")
    String message(@PathVariable UUID id, Model model) {
        model.addAttribute(
                "message", mailbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "notifications/mailboxMessage";
    }
}
