package pl.koordes.notifications.internal;

import pl.koordes.shared.mail.MailRequested;

/** Hands a message on: to the SMTP server, or to the development mailbox when no server is configured. */
public interface MailTransport {

    /** Active when {@code spring.mail.host} is set. */
    String SMTP = "!'${spring.mail.host:}'.isBlank()";

    /** Active when {@code spring.mail.host} is missing or empty. */
    String DEV_MAILBOX = "'${spring.mail.host:}'.isBlank()";

    /**
     * Delivers the message or throws; delivering the same message again must not do harm, since
     * a delivery cut short by a crash is repeated.
     */
    void deliver(MailRequested mail);
}
