package pl.koordes.notifications.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between messages: a message goes over a connection the last one left open when there
 * is one, so that a rush of mail does not pay a TCP connection, the greeting, EHLO, STARTTLS and the log-in for every
 * message. A connection idle for longer than {@link #IDLE} is closed (servers drop idle clients after a while).
 *
 * <p>Nothing changes for the message: a send that fails on a connection kept open (the server dropped it meanwhile,
 * or answers that it is closing) before the end of its data is tried once more on a new connection, and that
 * connection is not used again; a failure at the end of the data (perhaps an acceptance whose answer was lost) or on a
 * new connection is thrown, and the delivery keeps the message for a later attempt as before.
 */
final class SmtpConnections implements AutoCloseable {

    /** How long a connection may wait for the next message; far below the usual server timeouts (5 minutes). */
    static final Duration IDLE = Duration.ofSeconds(20);

    /** At most this many connections are kept open (the deliveries run on a few threads). */
    private static final int KEEP = 8;

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private record Open(HandOverSmtpTransport transport, long since) {}

    private final JavaMailSenderImpl sender;
    private final LongSupplier nanos;
    private final Deque<Open> idle = new ArrayDeque<>();
    private final AtomicInteger opened = new AtomicInteger();
    private boolean closed;

    SmtpConnections(JavaMailSenderImpl sender, LongSupplier nanos) {
        this.sender = sender;
        this.nanos = nanos;
    }

    /**
     * Sends a message whose headers are final ({@link MimeMessage#saveChanges()} done), with its "sent" record written
     * around the end of its data ({@link HandOverSmtpTransport}).
     */
    void send(MimeMessage message, MailTransport.HandOver record) {
        Address[] to;
        try {
            to = message.getAllRecipients();
        } catch (MessagingException e) {
            throw new MailSendException("The message has no readable recipients", e);
        }
        HandOverSmtpTransport kept = take();
        if (kept != null) {
            try {
                kept.send(message, to, record);
                giveBack(kept);
                return;
            } catch (MessagingException | RuntimeException e) {
                close(kept);
                if (kept.endingReached()) {
                    // Failed at the very end: perhaps accepted. Not sent again now; the delivery decides.
                    throw new MailSendException("Sending over SMTP failed at the end of the message", e);
                }
                // Dropped by the server while idle, or refused (perhaps "421 closing") before the end of the message:
                // not accepted.
                log.debug("Sending on an SMTP connection kept open failed ({}), once more on a new one", e.toString());
            }
        }
        HandOverSmtpTransport fresh = connect();
        try {
            fresh.send(message, to, record);
        } catch (MessagingException | RuntimeException e) {
            close(fresh);
            throw new MailSendException("Sending over SMTP failed", e);
        }
        giveBack(fresh);
    }

    /** Closes the connections idle for longer than {@link #IDLE} (run every few seconds). */
    void closeIdle() {
        long now = nanos.getAsLong();
        List<HandOverSmtpTransport> old = new ArrayList<>();
        synchronized (idle) {
            // The oldest are at the end: connections are taken and given back at the front.
            while (!idle.isEmpty() && now - idle.peekLast().since() > IDLE.toNanos()) {
                old.add(idle.pollLast().transport());
            }
        }
        old.forEach(SmtpConnections::close);
    }

    /** How many connections were opened so far (tests). */
    int openedCount() {
        return opened.get();
    }

    /** How many connections wait open (tests). */
    int idleCount() {
        synchronized (idle) {
            return idle.size();
        }
    }

    @Override
    public void close() {
        List<HandOverSmtpTransport> all = new ArrayList<>();
        synchronized (idle) {
            closed = true;
            idle.forEach(open -> all.add(open.transport()));
            idle.clear();
        }
        all.forEach(SmtpConnections::close);
    }

    private @Nullable HandOverSmtpTransport take() {
        long now = nanos.getAsLong();
        while (true) {
            Open open;
            synchronized (idle) {
                open = idle.pollFirst();
            }
            if (open == null) {
                return null;
            }
            // Not asked whether it is still connected (a NOOP per message): a dead one fails at once, before any data.
            if (now - open.since() <= IDLE.toNanos()) {
                return open.transport();
            }
            close(open.transport());
        }
    }

    private void giveBack(HandOverSmtpTransport transport) {
        synchronized (idle) {
            if (!closed && idle.size() < KEEP) {
                idle.addFirst(new Open(transport, nanos.getAsLong()));
                return;
            }
        }
        close(transport);
    }

    private HandOverSmtpTransport connect() {
        try {
            // As JavaMailSenderImpl chooses the protocol.
            String protocol = sender.getProtocol();
            if (protocol == null) {
                protocol = sender.getSession().getProperty("mail.transport.protocol");
            }
            // Not Session.getTransport: the connection must be the one that can run a step before the end of the data.
            HandOverSmtpTransport transport = new HandOverSmtpTransport(
                    sender.getSession(), protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
            String username = sender.getUsername();
            String password = sender.getPassword();
            if (username == null || username.isEmpty()) {
                username = null;
                password = null;
            }
            transport.connect(sender.getHost(), sender.getPort(), username, password);
            opened.incrementAndGet();
            return transport;
        } catch (MessagingException e) {
            throw new MailSendException("Could not connect to the SMTP server", e);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing an SMTP connection failed: {}", e.toString());
        }
    }
}
