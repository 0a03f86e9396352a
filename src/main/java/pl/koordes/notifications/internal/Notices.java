package pl.koordes.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.web.Paged;

/**
 * The in-application notices of each account: stored once per request (the request's id is the key), read
 * newest first, marked read one by one or all at once. The header's count of unread notices is kept per account
 * for {@link #UNREAD_KEPT} ({@link UnreadCounts}): forgotten on this node as soon as a notice of the account is
 * stored or read here; a notice stored or read through another node shows in this node's header within that time.
 */
@Component
@Transactional
public class Notices {

    /** One notice as its recipient sees it. */
    public record Notice(
            UUID id,
            String kind,
            String text,
            String link,
            Instant createdAt,
            @Nullable Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /** How long the header's count of an account's unread notices is kept (see {@link UnreadCounts#kept}). */
    public static final Duration UNREAD_KEPT = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NoticeSettings settings;
    private final UnreadCounts unreadCounts;

    Notices(JdbcClient jdbc, Clock clock, NoticeSettings settings, UnreadCounts unreadCounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.unreadCounts = unreadCounts;
    }

    /** Stores a requested notice; the same request delivered again stores nothing. */
    public boolean store(NoticeRequested notice) {
        int stored = jdbc.sql("""
                        insert into notifications_notice (id, account_id, kind, text, link, created_at, for_digest, scope)
                        values (:id, :account, :kind, :text, :link, :at, :forDigest, :scope)
                        on conflict (id) do nothing
                        """)
                .param("id", notice.id())
                .param("account", notice.accountId())
                .param("kind", notice.kind())
                .param("text", notice.text())
                .param("link", notice.link())
                .param("at", Timestamp.from(notice.requestedAt()))
                .param("forDigest", notice.forDigest())
                .param("scope", notice.scope())
                .update();
        forgetUnread(notice.accountId());
        return stored > 0;
    }

    /** The account's unread notices (the header's count). */
    @Transactional(readOnly = true)
    public long unread(long accountId) {
        return unreadCounts.count(accountId);
    }

    private void forgetUnread(long accountId) {
        unreadCounts.forget(accountId);
    }

    /** Page {@code number} of the account's notices, newest first. */
    @Transactional(readOnly = true)
    public Paged<Notice> page(long accountId, int number) {
        int size = settings.pageSize();
        long total = jdbc.sql("select count(*) from notifications_notice where account_id = :account")
                .param("account", accountId)
                .query(Long.class)
                .single();
        int shown = Paged.within(number, total, size);
        List<Notice> notices = jdbc.sql("""
                        select id, kind, text, link, created_at, read_at from notifications_notice
                        where account_id = :account
                        order by created_at desc, id
                        limit :limit offset :offset
                        """)
                .param("account", accountId)
                .param("limit", size)
                .param("offset", Paged.offset(shown, size))
                .query(Notices::notice)
                .list();
        return new Paged<>(notices, shown, size, total);
    }

    /** Marks one of the account's notices read; empty when it is not theirs (or not there). */
    public Optional<Notice> open(long accountId, UUID id) {
        Optional<Notice> notice = jdbc.sql("""
                        update notifications_notice set read_at = coalesce(read_at, :now)
                        where id = :id and account_id = :account
                        returning id, kind, text, link, created_at, read_at
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("account", accountId)
                .query(Notices::notice)
                .optional();
        forgetUnread(accountId);
        return notice;
    }

    /** Marks every notice of the account read; returns how many were unread. */
    public int readAll(long accountId) {
        int read = jdbc.sql("""
                        update notifications_notice set read_at = :now where account_id = :account and read_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .update();
        forgetUnread(accountId);
        return read;
    }

    /** Deletes read notices older than the retention period; returns how many. */
    public int deleteOldRead() {
        Instant before = clock.instant().minus(settings.retention());
        int deleted = jdbc.sql("delete from notifications_notice where read_at is not null and created_at < :before")
                .param("before", Timestamp.from(before))
                .update();
        return deleted;
    }

    /** Every notice of the account (personal data export). */
    @Transactional(readOnly = true)
    public List<Notice> all(long accountId) {
        return jdbc.sql("""
                        select id, kind, text, link, created_at, read_at from notifications_notice
                        where account_id = :account order by created_at, id
                        """).param("account", accountId).query(Notices::notice).list();
    }

    /** Deletes every notice of the account (erasure). */
    public void deleteAll(long accountId) {
        jdbc.sql("delete from notifications_notice where account_id = :account")
                .param("account", accountId)
                .update();
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Notice(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("text"),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }
}
