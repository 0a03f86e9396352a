package pl.koordes.shared.mail;

import java.util.Optional;

/**
 * What a recipient agreed to receive at once, asked by {@link Mailer} before it queues an optional
 * {@link MailKind}. The notifications module implements it (it owns the per-kind preferences); an address
 * without an account is a visitor's, who gets every kind.
 */
public interface MailPreferences {

    /**
     * Whether an optional e-mail of {@code kind} may go to {@code address} now: false for an account that chose
     * the daily digest or the application only for that kind of notification.
     */
    boolean wantsNow(String address, MailKind kind);

    /**
     * The site-relative address ({@code /wypisz/…}) that turns {@code kind} off for the account of {@code address}
     * without signing in (the e-mail's footer link and its RFC 8058 {@code List-Unsubscribe} header); empty for an
     * essential kind or an address without an active account.
     */
    default Optional<String> unsubscribePath(String address, MailKind kind) {
        return Optional.empty();
    }
}
