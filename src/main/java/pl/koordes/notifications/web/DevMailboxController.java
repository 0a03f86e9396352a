package pl.koordes.notifications.web;

import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.notifications.internal.DevMailbox;
import pl.koordes.notifications.internal.MailTransport;

/**
 * The development mailbox: every message the application "sent" while no SMTP server is configured.
 * Exists only then; administrators only (the security configuration guards {@code /admin/**}).
 */
@Controller
@ConditionalOnExpression(MailTransport.DEV_MAILBOX)
class DevMailboxController {

    private final DevMailbox mailbox;

    DevMailboxController(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/admin/poczta")
    String list(@RequestParam(name = "strona", defaultValue = "1") int number, Model model) {
        model.addAttribute("mailbox", mailbox.page(number));
        return "notifications/mailbox";
    }

    @GetMapping("/admin/poczta/{id}")
    String message(@PathVariable UUID id, Model model) {
        model.addAttribute("message", mailbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "notifications/mailboxMessage";
    }
}
