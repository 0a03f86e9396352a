package pl.koordes.accounts.internal;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountAction;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;

/**
 * What follows every change of how a person proves who they are (password, address, second factor, a
 * reset link used): every other session of theirs ends, every link sent before stops working, and they
 * are told by e-mail, so that whoever else held the account or a link loses it and the owner learns of
 * a change they did not make. Called inside the transaction of the change.
 */
@Component
public class CredentialChanges {

    private final AccountTokens tokens;
    private final Sessions sessions;
    private final Mailer mailer;
    private final Clock clock;

    CredentialChanges(AccountTokens tokens, Sessions sessions, Mailer mailer, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Ends other sessions and outstanding links, and tells the person at their address. */
    public void changed(Accounts.Row person, AccountAction what) {
        secure(person.id());
        mailer.send(
                person.email(),
                Language.fromCode(person.language()).locale(),
                "accounts/mail/credentialsChanged",
                Map.of(
                        "name", person.displayName(),
                        "what", "mail.credentials." + what.name(),
                        "when", Formats.dateTime(clock.instant())));
    }

    /** Ends other sessions and outstanding links (undo links excepted) without a mail. */
    public void secure(long accountId) {
        tokens.revokeAll(accountId, false);
        sessions.endOthers(accountId);
    }
}
