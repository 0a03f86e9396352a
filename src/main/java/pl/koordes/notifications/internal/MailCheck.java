package pl.koordes.notifications.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;

/** Sends a test message, so that an administrator can see the mail settings work end to end. */
@Service
public class MailCheck {

    static final String TEMPLATE = "notifications/mail/check";

    private final Mailer mailer;

    MailCheck(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Queues a test message to {@code to}; {@code note} is shown in its subject and body (plain text). */
    @Transactional
    public MailRequested send(String to, Locale locale, String note) {
        return mailer.send(to, locale, TEMPLATE, Map.of("note", note));
    }
}
