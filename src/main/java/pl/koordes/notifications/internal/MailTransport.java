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

    /**
     * Delivers the message or throws, writing the delivery's "sent" record as the message is handed over: {@link
     * HandOver#prepare()} just before the receiver can accept it, {@link HandOver#commit()} just after the message was
     * ended and before the receiver's answer is read (an SMTP server: around the line that ends the data), or {@link
     * HandOver#abandon()} if it was never ended. A failure of either step is thrown on. This default records it sent
     * before {@link #deliver(MailRequested)}, for receivers that keep a repeated message once anyway (the development
     * mailbox).
     */
    default void deliver(MailRequested mail, HandOver handOver) {
        handOver.prepare();
        handOver.commit();
        deliver(mail);
    }

    /** The delivery's record that a message was sent, written in two steps around the end of the message. */
    interface HandOver {

        /** Writes the record, not yet committed. */
        void prepare();

        /** Commits it: the message was ended (or is about to be) and is the receiver's to accept. */
        void commit();

        /** Takes it back: the message was not ended. Does nothing when nothing was prepared. */
        void abandon();
    }
}
