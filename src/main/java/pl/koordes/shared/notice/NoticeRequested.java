package pl.koordes.shared.notice;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message for one person's in-application notifications (the bell in the header), published inside the
 * transaction that decided to send it, beside or instead of an e-mail; the notifications module stores it
 * after commit. The text is already in the recipient's language.
 *
 * @param id unique per notice: a repeated delivery is recognised and stored once
 * @param accountId the recipient
 * @param kind the {@link NotificationKind#key()} of what it is about ({@code "postulate-forwarded"}): a kind not
 *        listed there is refused, so every notice is offered on the preferences page
 * @param text one sentence, plain text, at most {@link #MAX_TEXT} characters
 * @param link the address on this site it leads to ({@code /postulaty/42}); always site-relative
 * @param requestedAt when it was requested
 */
public record NoticeRequested(UUID id, long accountId, String kind, String text, String link, Instant requestedAt) {

    /** The longest text a notice keeps; longer ones are cut with an ellipsis. */
    public static final int MAX_TEXT = 500;

    public NoticeRequested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (NotificationKind.ofKey(kind).isEmpty()) {
            throw new IllegalArgumentException("A notice kind not listed in NotificationKind: " + kind);
        }
        if (!link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("A notice links within the site: " + link);
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
        }
    }

    /** A notice of {@code kind} for one person now. */
    public static NoticeRequested of(long accountId, NotificationKind kind, String text, String link, Instant now) {
        return of(accountId, kind.key(), text, link, now);
    }

    /** A notice for one person now; {@code kind} must be a {@link NotificationKind#key()}. */
    public static NoticeRequested of(long accountId, String kind, String text, String link, Instant now) {
        return new NoticeRequested(UUID.randomUUID(), accountId, kind, text, link, now);
    }
}
