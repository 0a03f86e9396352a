package pl.koordes.notifications.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.database.AfterTransaction;

/**
 * Each account's count of unread notices, as the header of every signed-in page shows it: kept for
 * {@link Notices#UNREAD_KEPT}, forgotten on this node as soon as a notice of the account is stored or read here
 * ({@link Notices} says so), so a notice stored or read through another node shows in this node's header within
 * that time.
 *
 * <p>A component of its own, without {@code @Transactional}: a kept count is most pages' answer, and going through
 * a transaction proxy for it (even one that joins or starts no transaction) cost more than the look-up itself,
 * 2–3 % of a signed-in page. A count that is not kept is one statement, run on its own.
 */
@Component
public class UnreadCounts {

    private final JdbcClient jdbc;
    private final Cache<Long, Long> counts = Caffeine.newBuilder()
            .expireAfterWrite(Notices.UNREAD_KEPT)
            .maximumSize(100_000)
            .build();
    /** Counts forgotten counts, so that a count read before a change is never kept after it. */
    private final AtomicLong changes = new AtomicLong();

    UnreadCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's unread notices now. */
    public long count(long accountId) {
        return jdbc.sql("select count(*) from notifications_notice where account_id = :account and read_at is null")
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    /**
     * The account's unread notices as counted at most {@link Notices#UNREAD_KEPT} ago: exact after a change made on
     * this node, at most that much behind one made on another node. No statement when kept.
     */
    public long kept(long accountId) {
        Long kept = counts.getIfPresent(accountId);
        if (kept != null) {
            return kept;
        }
        long seen = changes.get();
        long unread = count(accountId);
        if (changes.get() == seen) {
            counts.put(accountId, unread);
        }
        return unread;
    }

    /** Once the current transaction ends (at once without one), the account's kept count is read again. */
    void forget(long accountId) {
        changes.incrementAndGet();
        AfterTransaction.run(() -> {
            changes.incrementAndGet();
            counts.invalidate(accountId);
        });
    }
}
