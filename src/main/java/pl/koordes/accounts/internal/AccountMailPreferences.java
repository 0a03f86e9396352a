package pl.koordes.accounts.internal;

import org.springframework.stereotype.Component;
import pl.koordes.shared.mail.MailPreferences;

/**
 * The account's "Chcę dostawać powiadomienia e-mail" ({@code account.notifications_enabled}) for
 * {@link pl.koordes.shared.mail.Mailer}: optional mail does not go to an account that turned it off. An
 * address without an account (a visitor's) gets everything.
 */
@Component
class AccountMailPreferences implements MailPreferences {

    private final Accounts accounts;

    AccountMailPreferences(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean wantsNotifications(String address) {
        return accounts.byEmail(address).map(Accounts.Row::notificationsEnabled).orElse(true);
    }
}
