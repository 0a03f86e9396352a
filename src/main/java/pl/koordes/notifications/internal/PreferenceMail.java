package pl.koordes.notifications.internal;

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
 * (a visitor's) gets every kind.
 */
@Component
class PreferenceMail implements MailPreferences {

    private final AccountManagement accounts;
    private final Preferences preferences;

    PreferenceMail(AccountManagement accounts, Preferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
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
}
