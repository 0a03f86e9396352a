package pl.koordes.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.notifications.Delivery;
import pl.koordes.notifications.Unsubscribed;
import pl.koordes.shared.notice.NotificationKind;

/**
 * Unsubscribing by the link of an e-mail, without signing in. A kind of notification goes to the application only
 * (its other choices untouched); the digest's link switches the daily digest e-mail off (the kinds chosen for it
 * stay chosen, in the application only, until the preferences page switches it on again). Doing it again changes
 * and records nothing; each change is audited with how it was made.
 */
@Component
@Transactional
public class Unsubscribes {

    /** What a valid link is about, for its page: the kind's label key and how it reaches the person now. */
    public record State(UnsubscribeTokens.Target target, String labelKey, boolean on, String channelKey) {}

    private final UnsubscribeTokens tokens;
    private final Preferences preferences;
    private final AccountManagement accounts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Unsubscribes(
            UnsubscribeTokens tokens,
            Preferences preferences,
            AccountManagement accounts,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What {@code token} turns off and whether it is on now; empty for a forged token or an account gone. */
    @Transactional(readOnly = true)
    public Optional<State> state(String token) {
        return tokens.verify(token)
                .filter(target -> accounts.activeRecipient(target.accountId()).isPresent())
                .map(target -> {
                    if (target.digest()) {
                        boolean on = preferences.settings(target.accountId()).digest();
                        return new State(
                                target,
                                "notifications.unsubscribe.digest",
                                on,
                                "notifications.unsubscribe.channel.digest");
                    }
                    NotificationKind kind = target.notificationKind().orElseThrow();
                    Delivery delivery = preferences.delivery(target.accountId(), kind);
                    return new State(
                            target,
                            kind.labelKey(),
                            delivery != Delivery.APP,
                            "notifications.preferences.delivery." + delivery.name());
                });
    }

    /**
     * Turns off what {@code token} names; empty for a forged token or an account gone, otherwise whether anything
     * changed (false: it was off already).
     */
    public Optional<Boolean> unsubscribe(String token, String via) {
        Optional<State> state = state(token);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        State now = state.get();
        if (!now.on()) {
            return Optional.of(false);
        }
        long account = now.target().accountId();
        if (now.target().digest()) {
            jdbc.sql("""
                            insert into notifications_setting (account_id, digest_enabled, updated_at) values (:a, false, :now)
                            on conflict (account_id) do update set digest_enabled = false, updated_at = excluded.updated_at
                            """)
                    .param("a", account)
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            events.publishEvent(new Unsubscribed(account, UnsubscribeTokens.DIGEST, via, "ON", "OFF"));
            return Optional.of(true);
        }
        NotificationKind kind = now.target().notificationKind().orElseThrow();
        Delivery before = preferences.delivery(account, kind);
        jdbc.sql("""
                        insert into notifications_preference (account_id, kind, delivery) values (:a, :kind, 'APP')
                        on conflict (account_id, kind) do update set delivery = excluded.delivery
                        """).param("a", account).param("kind", kind.key()).update();
        events.publishEvent(new Unsubscribed(account, kind.key(), via, before.name(), Delivery.APP.name()));
        return Optional.of(true);
    }
}
