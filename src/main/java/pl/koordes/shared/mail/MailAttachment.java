package pl.koordes.shared.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file sent with a message ({@code wydarzenie.ics}). It travels inside {@link MailRequested}, which
 * the event publication registry stores as JSON until the delivery (the bytes as base64), so
 * attachments must stay small: see {@link MailRequested#MAX_ATTACHMENT_BYTES}.
 *
 * @param fileName the name shown to the recipient, without a path
 * @param contentType the MIME type with its parameters ({@code text/calendar; charset=UTF-8; method=PUBLISH})
 * @param content the file's bytes
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        // A path or a line break in the name would reach the MIME headers and the recipient's disk.
        if (fileName.isBlank() || fileName.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("Not a plain file name: " + fileName);
        }
        if (contentType.isBlank() || contentType.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Not a content type: " + contentType);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    // A record compares arrays by reference; two attachments with the same bytes are the same attachment.
    @Override
    public boolean equals(Object other) {
        return other instanceof MailAttachment that
                && fileName.equals(that.fileName)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    // Logs show the name and size, not the bytes.
    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " B]";
    }
}
