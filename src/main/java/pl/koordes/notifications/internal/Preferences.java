package pl.koordes.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.notifications.Delivery;
import pl.koordes.notifications.PreferencesChanged;
import pl.koordes.notifications.PreferencesForm;
import pl.koordes.shared.notice.NotificationKind;

/**
 * How each account receives each kind of notification ({@link Delivery}) and the hour of its daily digest. A kind
 * the person never chose takes the account's default: an e-mail at once for a kind with e-mail of its own (or
 * only the application for an account that had turned notification e-mail off before preferences existed), only
 * the application for a kind without. Essential kinds are always e-mailed at once, whatever is stored.
 */
@Component
@Transactional
public class Preferences {

    /** The hour of the digest for a person who has not chosen one (Europe/Warsaw). */
    public static final int DEFAULT_DIGEST_HOUR = 7;

    /**
     * One account's preferences, complete: a delivery for every kind, the digest's hour, and whether the digest
     * e-mail is sent at all (its unsubscribe link turns it off without forgetting the kinds chosen for it).
     */
    public record Settings(Map<NotificationKind, Delivery> deliveries, int digestHour, boolean digest) {

        public Delivery of(NotificationKind kind) {
            return deliveries.get(kind);
        }

        /** As the audit line and the export show them, in a stable order. */
        public Map<String, @Nullable Object> snapshot() {
            Map<String, @Nullable Object> values = new LinkedHashMap<>();
            values.put("digestHour", digestHour);
            values.put("digest", digest);
            new TreeMap<>(deliveries).forEach((kind, delivery) -> values.put(kind.key(), delivery.name()));
            return values;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Preferences(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The account's preferences, every kind filled in (two statements). */
    @Transactional(readOnly = true)
    public Settings settings(long accountId) {
        record Row(Delivery defaultDelivery, int digestHour, boolean digest) {}
        Row row = jdbc.sql(
                        "select default_delivery, digest_hour, digest_enabled from notifications_setting where account_id = :a")
                .param("a", accountId)
                .query((rs, n) -> new Row(Delivery.valueOf(rs.getString(1)), rs.getInt(2), rs.getBoolean(3)))
                .optional()
                .orElse(new Row(Delivery.EMAIL, DEFAULT_DIGEST_HOUR, true));
        Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.sql("select kind, delivery from notifications_preference where account_id = :a")
                .param("a", accountId)
                .query(rs -> {
                    Delivery delivery = Delivery.valueOf(rs.getString(2));
                    NotificationKind.ofKey(rs.getString(1)).ifPresent(kind -> chosen.put(kind, delivery));
                });
        Map<NotificationKind, Delivery> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, effective(kind, chosen.get(kind), row.defaultDelivery()));
        }
        return new Settings(all, row.digestHour(), row.digest());
    }

    /** How the account receives {@code kind}. */
    @Transactional(readOnly = true)
    public Delivery delivery(long accountId, NotificationKind kind) {
        if (kind.essential()) {
            return Delivery.EMAIL;
        }
        return jdbc.sql("""
                        select p.delivery, s.default_delivery
                        from (select 1) one
                        left join notifications_preference p on p.account_id = :a and p.kind = :kind
                        left join notifications_setting s on s.account_id = :a
                        """)
                .param("a", accountId)
                .param("kind", kind.key())
                .query((rs, n) -> effective(
                        kind,
                        rs.getString(1) == null ? null : Delivery.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? Delivery.EMAIL : Delivery.valueOf(rs.getString(2))))
                .single();
    }

    /**
     * Saves the form (already checked): every optional kind it names and the digest hour. Audited with the
     * preferences before and after; saving the same choices again changes nothing and records nothing.
     */
    public Settings save(long accountId, PreferencesForm form) {
        Settings before = settings(accountId);
        int hour = form.digestHour() == null ? before.digestHour() : form.digestHour();
        boolean digest = form.digest() == null ? before.digest() : form.digest();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into notifications_setting (account_id, digest_hour, digest_enabled, updated_at)
                        values (:a, :hour, :digest, :now)
                        on conflict (account_id) do update set digest_hour = excluded.digest_hour,
                            digest_enabled = excluded.digest_enabled, updated_at = excluded.updated_at
                        """)
                .param("a", accountId)
                .param("hour", hour)
                .param("digest", digest)
                .param("now", now)
                .update();
        for (var chosen : form.deliveries().entrySet()) {
            NotificationKind kind = NotificationKind.ofKey(chosen.getKey()).orElse(null);
            if (kind == null || kind.essential() || chosen.getValue() == null) {
                continue;
            }
            jdbc.sql("""
                            insert into notifications_preference (account_id, kind, delivery) values (:a, :kind, :delivery)
                            on conflict (account_id, kind) do update set delivery = excluded.delivery
                            """)
                    .param("a", accountId)
                    .param("kind", kind.key())
                    .param("delivery", chosen.getValue().name())
                    .update();
        }
        Settings after = settings(accountId);
        if (!after.equals(before)) {
            events.publishEvent(new PreferencesChanged(accountId, before.snapshot(), after.snapshot()));
        }
        return after;
    }

    /** Forgets everything about the account (erasure): its preferences and the record of its digests. */
    public void deleteAll(long accountId) {
        jdbc.sql("delete from notifications_preference where account_id = :a")
                .param("a", accountId)
                .update();
        jdbc.sql("delete from notifications_setting where account_id = :a")
                .param("a", accountId)
                .update();
        jdbc.sql("delete from notifications_digest where account_id = :a")
                .param("a", accountId)
                .update();
    }

    /** Whether the account has stored anything (for the export: defaults are nobody's personal data). */
    @Transactional(readOnly = true)
    public boolean stored(long accountId) {
        return jdbc.sql("""
                        select exists(select 1 from notifications_setting where account_id = :a)
                            or exists(select 1 from notifications_preference where account_id = :a)""").param("a", accountId).query(Boolean.class).single();
    }

    private static Delivery effective(NotificationKind kind, @Nullable Delivery chosen, Delivery accountDefault) {
        if (kind.essential()) {
            return Delivery.EMAIL;
        }
        if (chosen != null && (chosen != Delivery.EMAIL || kind.hasOwnMail())) {
            return chosen;
        }
        return kind.hasOwnMail() ? accountDefault : Delivery.APP;
    }
}
