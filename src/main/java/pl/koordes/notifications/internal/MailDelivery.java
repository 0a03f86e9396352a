package pl.koordes.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import pl.koordes.shared.mail.MailRequested;

/**
 * Delivers each requested message after its transaction commits. A failure is thrown on, which
 * leaves the event publication incomplete: {@link MailRetry} and the next start try it again.
 */
@Component
class MailDelivery {

    /** Kept stable in the event publication table: renaming this class must not orphan queued mail. */
    static final String LISTENER_ID = MailRequested.DELIVERY_LISTENER_ID;

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailTransport transport;

    MailDelivery(MailTransport transport) {
        this.transport = transport;
    }

    // No transaction around the delivery: a slow SMTP server must not hold a database connection.
    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(MailRequested mail) {
        try {
            transport.deliver(mail);
            log.info("Mail {} ({}) delivered", mail.id(), mail.kind());
        } catch (RuntimeException e) {
            log.warn(
                    "Mail {} ({}) not delivered, it stays queued for another attempt: {}",
                    mail.id(),
                    mail.kind(),
                    e.toString());
            throw e;
        }
    }
}
