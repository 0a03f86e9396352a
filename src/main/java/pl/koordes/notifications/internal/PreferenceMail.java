package pl.koordes.notifications.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.notifications.Delivery;
import pl.koordes.shared.mail.MailKind;
import pl.koordes.shared.mail.MailPreferences;
import pl.koordes.shared.notice.NotificationKind;

/**
 * The preferences as {@link pl.koordes.shared.mail.Mailer} asks for them: an optional e-mail goes at once only
 * to an account that wants its kind by e-mail; for one that chose the digest or the application only, the
 * module's notice (published beside the e-mail) is what reaches them. An address without an active account
 * (a visitor's) gets every kind. The digest itself always goes (it is sent only to those who chose it). Every
 * optional e-mail to an account carries the link that turns its kind off ({@link UnsubscribeTokens}).
 */
@Component
class PreferenceMail implements MailPreferences {

    /** The unsubscribe page and one-click address; the token follows. */
    static final String UNSUBSCRIBE = "/wypisz/";

    private final AccountManagement accounts;
    private final Preferences preferences;
    private final UnsubscribeTokens tokens;

    PreferenceMail(AccountManagement accounts, Preferences preferences, UnsubscribeTokens tokens) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.tokens = tokens;
    }

    @Override
    public boolean wantsNow(String address, MailKind mail) {
        NotificationKind kind = NotificationKind.ofMail(mail).orElse(null);
        if (kind == null || kind.essential()) {
            return true;
        }
        return accounts.activeAccountOf(address)
                .map(account -> preferences.delivery(account, kind) == Delivery.EMAIL)
                .orElse(true);
    }

    @Override
    public Optional<String> unsubscribePath(String address, MailKind mail) {
        Optional<String> kind = mail == MailKind.DIGEST
                ? Optional.of(UnsubscribeTokens.DIGEST)
                : NotificationKind.ofMail(mail).filter(k -> !k.essential()).map(NotificationKind::key);
        if (kind.isEmpty() || !mail.optional()) {
            return Optional.empty();
        }
        return accounts.activeAccountOf(address).map(account -> UNSUBSCRIBE + tokens.token(account, kind.get()));
    }
}
