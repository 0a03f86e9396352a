package pl.koordes.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.notifications.Delivery;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeAccess;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * The daily digest: once a day, at the hour each person chose (Europe/Warsaw), one e-mail listing the notices of
 * the kinds they want in the digest since the previous digest; nothing when there are none. The job runs every few
 * minutes on one node of a cluster (the cluster lock), and each account's day is taken by inserting its row in
 * {@code notifications_digest} in the transaction that queues the message, so a day is never sent twice, even by
 * two nodes or a job repeated after a crash (the queued message itself survives a crash in the publication
 * registry).
 *
 * <p>Besides the kinds chosen for it, the digest carries the notices published for it ({@code for_digest}: a
 * discussion followed with daily delivery) unless their kind is in the application only; a notice with a scope is
 * left out when its person may no longer see what it is about, asked at digest time of the module that published
 * it ({@link NoticeAccess}). An account whose digest is switched off (its unsubscribe link) gets none.
 */
@Component
public class Digests {

    static final String TEMPLATE = "notifications/mail/digest";

    /** How far back the first digest of an account looks. */
    static final Duration FIRST = Duration.ofDays(1);

    /** How far back an account without a digest preference is looked for notices published for the digest. */
    static final Duration FOR_DIGEST_WINDOW = Duration.ofDays(7);

    /** One line of a digest: the notice's text, its link and when it came. */
    public record Item(String text, String link, String at) {}

    /** A notice as read for the digest, with the scope to check. */
    private record Row(Item item, @Nullable String scope) {}

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final ClusterLock lock;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, NoticeAccess> access;

    Digests(
            JdbcClient jdbc,
            Preferences preferences,
            AccountManagement accounts,
            Mailer mailer,
            ClusterLock lock,
            TransactionTemplate transactions,
            Clock clock,
            List<NoticeAccess> access) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.accounts = accounts;
        this.mailer = mailer;
        this.lock = lock;
        this.transactions = transactions;
        this.clock = clock;
        this.access = access.stream().collect(Collectors.toUnmodifiableMap(NoticeAccess::prefix, a -> a));
    }

    @Scheduled(fixedDelayString = "${koordes.notifications.digest.interval:PT5M}", initialDelayString = "PT2M")
    void run() {
        lock.runOnce(
                "notifications.digest", Duration.ofMinutes(30), Duration.ofMinutes(1), () -> sendDue(clock.instant()));
    }

    /** Sends every digest due at {@code now}; returns how many messages were queued. */
    public int sendDue(Instant now) {
        ZonedDateTime local = now.atZone(Formats.ZONE);
        LocalDate today = local.toLocalDate();
        List<Long> due = jdbc.sql("""
                        select c.account_id from (
                            select s.account_id from notifications_setting s
                            where s.default_delivery = 'DIGEST'
                               or exists (select 1 from notifications_preference p
                                          where p.account_id = s.account_id and p.delivery = 'DIGEST')
                            union
                            select n.account_id from notifications_notice n
                            where n.for_digest and n.created_at > :recent
                        ) c
                        left join notifications_setting s on s.account_id = c.account_id
                        where coalesce(s.digest_hour, :defaultHour) <= :hour and coalesce(s.digest_enabled, true)
                          and not exists (select 1 from notifications_digest d
                                          where d.account_id = c.account_id and d.digest_day = :today)
                        order by c.account_id
                        """)
                .param("recent", Timestamp.from(now.minus(FOR_DIGEST_WINDOW)))
                .param("defaultHour", Preferences.DEFAULT_DIGEST_HOUR)
                .param("hour", local.getHour())
                .param("today", today)
                .query(Long.class)
                .list();
        int sent = 0;
        for (long account : due) {
            Boolean mailed = transactions.execute(status -> send(account, today, now));
            if (Boolean.TRUE.equals(mailed)) {
                sent++;
            }
        }
        return sent;
    }

    /** One account's digest for {@code today}, in one transaction; false when taken already or empty. */
    private boolean send(long account, LocalDate today, Instant now) {
        Instant since = jdbc.sql("""
                        select max(covered_until) from notifications_digest where account_id = :a and digest_day < :today""")
                .param("a", account)
                .param("today", today)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                .single()
                .map(Timestamp::toInstant)
                .orElse(now.minus(FIRST));
        int taken = jdbc.sql("""
                        insert into notifications_digest (account_id, digest_day, covered_until, notices)
                        values (:a, :today, :now, 0) on conflict do nothing""")
                .param("a", account)
                .param("today", today)
                .param("now", Timestamp.from(now))
                .update();
        if (taken == 0) {
            return false;
        }
        Preferences.Settings settings = preferences.settings(account);
        if (!settings.digest()) {
            return false;
        }
        String[] kinds = keys(settings, Delivery.DIGEST);
        List<Item> items = jdbc
                .sql("""
                        select text, link, created_at, scope from notifications_notice
                        where account_id = :a and created_at > :since and created_at <= :now
                          and (kind = any(cast(:kinds as text[]))
                               or (for_digest and kind <> all(cast(:appOnly as text[]))))
                        order by created_at, id limit 200""")
                .param("a", account)
                .param("kinds", kinds)
                .param("appOnly", keys(settings, Delivery.APP))
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Row(
                        new Item(
                                rs.getString(1),
                                rs.getString(2),
                                Formats.dateTime(rs.getTimestamp(3).toInstant())),
                        rs.getString(4)))
                .list()
                .stream()
                .filter(row -> allowed(account, row.scope()))
                .map(Row::item)
                .toList();
        if (items.isEmpty()) {
            return false;
        }
        AccountManagement.Recipient recipient =
                accounts.activeRecipient(account).orElse(null);
        if (recipient == null) {
            return false;
        }
        jdbc.sql("update notifications_digest set notices = :n where account_id = :a and digest_day = :today")
                .param("n", items.size())
                .param("a", account)
                .param("today", today)
                .update();
        mailer.send(
                recipient.email(),
                Language.fromCode(recipient.language()).locale(),
                TEMPLATE,
                Map.of("digestItems", items, "digestCount", (long) items.size()));
        return true;
    }

    private static String[] keys(Preferences.Settings settings, Delivery delivery) {
        return Arrays.stream(NotificationKind.values())
                .filter(kind -> settings.of(kind) == delivery)
                .map(NotificationKind::key)
                .toArray(String[]::new);
    }

    /** Whether the account may still see what a notice with {@code scope} is about (no scope: yes). */
    private boolean allowed(long account, @Nullable String scope) {
        if (scope == null) {
            return true;
        }
        int colon = scope.indexOf(':');
        NoticeAccess answer = colon < 1 ? null : access.get(scope.substring(0, colon));
        return answer != null && answer.allowed(account, scope.substring(colon + 1));
    }
}
