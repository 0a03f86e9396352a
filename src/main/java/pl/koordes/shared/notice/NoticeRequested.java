package pl.koordes.shared.notice;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
 * @param forDigest whether it goes into the person's next daily digest whatever they chose for its kind (something
 *        they follow with daily delivery, such as a discussion); still left out when the kind is in the application
 *        only or the digest is switched off
 * @param scope what the person must still be allowed to see when the notice is sent later than published
 *        ({@code "discussion-space:12"}, answered by a {@link NoticeAccess} bean of the publishing module), or null
 */
public record NoticeRequested(
        UUID id,
        long accountId,
        String kind,
        String text,
        String link,
        Instant requestedAt,
        boolean forDigest,
        @Nullable String scope) {

    /** The longest text a notice keeps; longer ones are cut with an ellipsis. */
    public static final int MAX_TEXT = 500;

    /** The longest scope. */
    public static final int MAX_SCOPE = 120;

    /** A notice shown in the application and delivered as its kind's preference says. */
    public NoticeRequested(UUID id, long accountId, String kind, String text, String link, Instant requestedAt) {
        this(id, accountId, kind, text, link, requestedAt, false, null);
    }

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
        if (scope != null && (scope.indexOf(':') < 1 || scope.length() > MAX_SCOPE)) {
            throw new IllegalArgumentException("A notice's scope is prefix:id, at most " + MAX_SCOPE + ": " + scope);
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

    /**
     * A notice of {@code kind} for one person's next daily digest (and the application), about something in
     * {@code scope} they must still be allowed to see when the digest is sent.
     */
    public static NoticeRequested forDigest(
            long accountId, NotificationKind kind, String text, String link, String scope, Instant now) {
        return new NoticeRequested(UUID.randomUUID(), accountId, kind.key(), text, link, now, true, scope);
    }
}
