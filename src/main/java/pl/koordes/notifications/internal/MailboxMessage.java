package pl.koordes.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** A message kept in the development mailbox, as the mailbox pages show it; of attachments only their names. */
public record MailboxMessage(
        UUID id,
        Instant deliveredAt,
        String sender,
        String recipient,
        @Nullable String replyTo,
        String subject,
        String kind,
        String textBody,
        String htmlBody,
        List<String> attachments) {

    /**
     * The HTML part escaped for the {@code srcdoc} attribute of the preview frame. jte leaves any
     * expression in {@code srcdoc} out on purpose (the frame would run it), which left the preview
     * empty; the page writes this already escaped value instead, into a frame sandboxed without
     * scripts and under the page's own Content-Security-Policy.
     */
    public String htmlBodyForFrame() {
        return HtmlUtils.htmlEscape(htmlBody, "UTF-8");
    }
}
