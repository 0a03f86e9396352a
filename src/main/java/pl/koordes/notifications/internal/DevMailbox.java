package pl.koordes.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.MailSettings;
import pl.koordes.shared.web.Paged;

/**
 * Without an SMTP server (the default start), mail is not sent but kept in a table and shown to
 * administrators at {@code /admin/poczta}. A message delivered twice (a crash between delivery and
 * completion) is kept once.
 */
@Component
@ConditionalOnExpression(MailTransport.DEV_MAILBOX)
public class DevMailbox implements MailTransport {

    private final JdbcClient jdbc;
    private final String sender;
    private final Clock clock;
    private final MailboxSettings settings;

    DevMailbox(JdbcClient jdbc, MailSettings mail, MailboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.sender = mail.fromAddress().toUnicodeString();
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void deliver(MailRequested mail) {
        jdbc.sql("""
                insert into notifications_dev_mailbox
                    (id, delivered_at, sender, recipient, reply_to, subject, kind, text_body, html_body, attachments)
                values (:id, :deliveredAt, :sender, :recipient, :replyTo, :subject, :kind, :textBody, :htmlBody,
                        :attachments)
                on conflict (id) do nothing""")
                .param("id", mail.id())
                .param("deliveredAt", Timestamp.from(clock.instant()))
                .param("sender", sender)
                .param("recipient", mail.to())
                .param("replyTo", mail.replyTo())
                .param("subject", mail.subject())
                .param("kind", mail.kind())
                .param("textBody", mail.textBody())
                .param("htmlBody", mail.htmlBody())
                // Only the names, one a line: the mailbox shows what was attached; the file is in the .ics link anyway.
                .param(
                        "attachments",
                        mail.attachments().isEmpty()
                                ? null
                                : String.join(
                                        "\n",
                                        mail.attachments().stream()
                                                .map(MailAttachment::fileName)
                                                .toList()))
                .update();
    }

    /** Page {@code number} (from 1; out-of-range numbers give the nearest page), newest first. */
    public Paged<MailboxMessage> page(int number) {
        int size = settings.pageSize();
        long total = jdbc.sql("select count(*) from notifications_dev_mailbox")
                .query(Long.class)
                .single();
        int shown = Paged.within(number, total, size);
        var messages = jdbc.sql("""
                select id, delivered_at, sender, recipient, reply_to, subject, kind, '' as text_body, '' as html_body,
                    null as attachments
                from notifications_dev_mailbox
                order by delivered_at desc, id
                limit :limit offset :offset""")
                .param("limit", size)
                .param("offset", Paged.offset(shown, size))
                .query(DevMailbox::message)
                .list();
        return new Paged<>(messages, shown, size, total);
    }

    public Optional<MailboxMessage> find(UUID id) {
        return jdbc.sql("""
                select id, delivered_at, sender, recipient, reply_to, subject, kind, text_body, html_body, attachments
                from notifications_dev_mailbox where id = :id""").param("id", id).query(DevMailbox::message).optional();
    }

    private static MailboxMessage message(ResultSet rs, int row) throws SQLException {
        String attachments = rs.getString("attachments");
        return new MailboxMessage(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("delivered_at").toInstant(),
                rs.getString("sender"),
                rs.getString("recipient"),
                rs.getString("reply_to"),
                rs.getString("subject"),
                rs.getString("kind"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                attachments == null ? List.of() : List.of(attachments.split("\n")));
    }
}
