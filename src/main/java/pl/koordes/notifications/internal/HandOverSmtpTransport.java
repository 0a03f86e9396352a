package pl.koordes.notifications.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;

/**
 * Angus Mail's SMTP connection, with the delivery's "sent" record written around the line that ends a message's data
 * ({@code .}, or the last {@code BDAT} chunk): prepared (written, not committed) after the whole message went out and
 * before that line, committed after the line was written and before the server's answer is read.
 *
 * <p>Why: an SMTP server must not accept a message whose data was never ended, and PostgreSQL completes a commit it
 * has received even if the client is gone. A node killed before the end of the data leaves no record and a message the
 * server throws away: it is sent later, once. A node killed after the commit reached the database leaves both the
 * record and the message. Only a kill in the few microseconds between writing the end of the data and writing the
 * commit, two writes to sockets with nothing awaited between them, sends a message twice. Recording after the
 * server's answer instead left a round trip to the database with its flush to disk, and a thread waiting to be woken
 * on a busy machine, in which a crash repeated the message; recording before the end left the same time in which a
 * crash lost it.
 *
 * <p>If the record cannot be prepared, the connection is dropped without ending the data ({@link IOException}: Angus
 * Mail then closes the socket without a {@code QUIT}, which the server would take for a line of the message) and the
 * failure is thrown on. If the server refuses the ended message, the record is committed and the caller takes it back.
 */
final class HandOverSmtpTransport extends SMTPTransport {

    private MailTransport.@Nullable HandOver handOver;
    private MailTransport.@Nullable HandOver awaitingCommit;
    private boolean ending;

    HandOverSmtpTransport(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
    }

    /** Sends the message with its record written around its end. Returns normally only when the server accepted it. */
    synchronized void send(MimeMessage message, Address[] to, MailTransport.HandOver record) throws MessagingException {
        handOver = record;
        ending = false;
        try {
            sendMessage(message, to);
        } finally {
            handOver = null;
        }
    }

    /**
     * Whether the last {@link #send} got as far as ending the message. A failure after that may have been an
     * acceptance whose answer was lost, so the message is not tried again on another connection at once.
     */
    synchronized boolean endingReached() {
        return ending;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        prepareRecord();
        try {
            super.finishData();
        } finally {
            abandonUncommitted();
        }
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        prepareRecord();
        try {
            super.finishBdat();
        } finally {
            abandonUncommitted();
        }
    }

    /** The first answer read after the end of the data was written is the answer to it: the record commits first. */
    @Override
    protected int readServerResponse() throws MessagingException {
        MailTransport.HandOver record = awaitingCommit;
        if (record != null) {
            awaitingCommit = null;
            record.commit();
        }
        return super.readServerResponse();
    }

    private void prepareRecord() throws IOException {
        MailTransport.HandOver record = handOver;
        if (record == null) {
            return;
        }
        handOver = null;
        try {
            record.prepare();
        } catch (RuntimeException e) {
            record.abandon();
            throw new IOException("The message could not be recorded as sent; its data was not ended", e);
        }
        ending = true;
        awaitingCommit = record;
    }

    /** The end of the data could not be written (the connection broke): the message was not handed over. */
    private void abandonUncommitted() {
        MailTransport.HandOver record = awaitingCommit;
        if (record != null) {
            awaitingCommit = null;
            record.abandon();
        }
    }
}
