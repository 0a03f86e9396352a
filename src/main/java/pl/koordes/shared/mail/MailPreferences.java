package pl.koordes.shared.mail;

/**
 * What a recipient agreed to receive, asked by {@link Mailer} before it queues an optional
 * {@link MailKind}. The accounts module implements it (it owns the preference); an address without an
 * account is a visitor's, who gets every kind.
 */
public interface MailPreferences {

    /** Whether optional mail (notifications) may go to {@code address}: false only for an account that turned them off. */
    boolean wantsNotifications(String address);
}
