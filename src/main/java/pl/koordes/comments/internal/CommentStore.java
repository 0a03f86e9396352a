package pl.koordes.comments.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pl.koordes.comments.BannedPhrase;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.CommentSubject;

/**
 * The comments and their reports, the moderation queue and the banned phrases (the subjects' threads:
 * {@link CommentThreads}); every method is one statement so that pages cost the same whatever the data.
 */
@Repository
public class CommentStore {

    private static final String COLUMNS =
            "id, subject, article_id, title, body, signature, email is not null as has_email, "
                    + "language, state, flags, reports, signed_in_reports, created_at, published_at, moderated_at, moderated_by, edited_at, reply, "
                    + "reply_by, replied_at";

    /** The advisory lock space of comment fingerprints ("KCMT"). */
    static final int FINGERPRINT_LOCKS = 0x4B434D54;

    private final JdbcClient jdbc;

    CommentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a comment hangs under: the kind of subject and its id. */
    public record Key(CommentSubject subject, long id) {}

    /** A new comment, as the form's checks left it. */
    public record NewComment(
            CommentSubject subject,
            long articleId,
            String title,
            String body,
            String signature,
            @Nullable String email,
            String language,
            CommentState state,
            List<String> flags,
            String fingerprint,
            Instant createdAt) {

        /** A comment under an article. */
        public NewComment(
                long articleId,
                String title,
                String body,
                String signature,
                @Nullable String email,
                String language,
                CommentState state,
                List<String> flags,
                String fingerprint,
                Instant createdAt) {
            this(
                    CommentSubject.ARTICLE,
                    articleId,
                    title,
                    body,
                    signature,
                    email,
                    language,
                    state,
                    flags,
                    fingerprint,
                    createdAt);
        }
    }

    /** Who to tell that their comment was published. */
    public record Notice(
            long id, CommentSubject subject, long articleId, String email, String language, String title) {}

    public long insert(NewComment c) {
        return jdbc.sql("""
                insert into comments_comment (subject, article_id, title, body, signature, email, language, state, flags,
                    fingerprint, created_at, published_at)
                values (:subject, :article, :title, :body, :signature, :email, :language, :state, :flags::text[], :fingerprint,
                    :created, :published)
                returning id""")
                .param("subject", c.subject().name())
                .param("article", c.articleId())
                .param("title", c.title())
                .param("body", c.body())
                .param("signature", c.signature())
                .param("email", c.email())
                .param("language", c.language())
                .param("state", c.state().name())
                .param("flags", arrayLiteral(c.flags()))
                .param("fingerprint", c.fingerprint())
                .param("created", Timestamp.from(c.createdAt()))
                .param("published", c.state() == CommentState.APPROVED ? Timestamp.from(c.createdAt()) : null)
                .query(Long.class)
                .single();
    }

    public Optional<Comment> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from comments_comment where id = :id")
                .param("id", id)
                .query(CommentStore::comment)
                .optional();
    }

    public List<Comment> approved(Key subject, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from comments_comment where subject = :subject and article_id = :article and state = 'APPROVED' "
                        + "order by published_at, id offset :offset limit :limit")
                .param("subject", subject.subject().name())
                .param("article", subject.id())
                .param("offset", offset)
                .param("limit", limit)
                .query(CommentStore::comment)
                .list();
    }

    /**
     * Whether a comment with this fingerprint was sent since then. Call {@link #lockFingerprint} first in the
     * same transaction, so that the answer stays true until the new comment is stored.
     */
    public boolean duplicate(String fingerprint, Instant since) {
        return jdbc.sql(
                        "select exists (select 1 from comments_comment where fingerprint = :f and created_at >= :since)")
                .param("f", fingerprint)
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    /**
     * Makes checking for a duplicate and storing the comment one step: a transaction-level advisory lock on
     * the fingerprint, so that one transaction at a time checks and stores a given content. The lock is held
     * until commit or rollback; a transaction waiting for it then reads (a fresh snapshot, read committed) the
     * comment the first one stored. Keys are two integers (this module's space and the fingerprint's hash),
     * a key space apart from the single-number keys of the rate limits' buckets; two contents sharing a hash
     * merely wait for each other.
     */
    public void lockFingerprint(String fingerprint) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:f))")
                .param("space", FINGERPRINT_LOCKS)
                .param("f", fingerprint)
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    /** Which comments the moderation queue lists. */
    public record Filter(
            @Nullable CommentState state,
            boolean reportedOnly,
            @Nullable Long articleId) {}

    public List<Comment> queue(Filter filter, long offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from comments_comment where " + where(filter)
                        + " order by created_at desc, id desc offset :offset limit :limit")
                .params(filterParams(filter))
                .param("offset", offset)
                .param("limit", limit)
                .query(CommentStore::comment)
                .list();
    }

    public long count(Filter filter) {
        return jdbc.sql("select count(*) from comments_comment where " + where(filter))
                .params(filterParams(filter))
                .query(Long.class)
                .single();
    }

    /** How many comments there are in each state, and how many of them readers reported, for the queue's filter. */
    public record Counts(Map<CommentState, Long> byState, long reported) {}

    public Counts counts() {
        Map<CommentState, Long> byState = new EnumMap<>(CommentState.class);
        long[] reported = {0};
        jdbc.sql("select state, count(*), count(*) filter (where reports > 0) from comments_comment group by state")
                .query(rs -> {
                    byState.put(CommentState.valueOf(rs.getString(1)), rs.getLong(2));
                    reported[0] += rs.getLong(3);
                });
        return new Counts(byState, reported[0]);
    }

    /** The articles that have comments, most recently commented first (for the queue's filter). */
    public List<Long> commentedArticles(int limit) {
        return jdbc.sql(
                        "select article_id from comments_comment where subject = 'ARTICLE' group by article_id order by max(created_at) desc limit :limit")
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    private static String where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (filter.state() != null) {
            conditions.add("state = :state");
        }
        if (filter.reportedOnly()) {
            // Reported and not yet looked at: approving a comment settles its reports.
            conditions.add("reports > 0");
        }
        if (filter.articleId() != null) {
            conditions.add("subject = 'ARTICLE' and article_id = :article");
        }
        return String.join(" and ", conditions);
    }

    private static Map<String, Object> filterParams(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            params.put("state", filter.state().name());
        }
        if (filter.articleId() != null) {
            params.put("article", filter.articleId());
        }
        return params;
    }

    /**
     * Moves comments to a state; returns the articles whose public list may have changed. Approving
     * (again) clears the reports: an editor has looked. Refusing erases the author's e-mail.
     */
    public List<Key> setState(Collection<Long> ids, CommentState state, String by, Instant at) {
        return changeState(ids, state, by, at).stream()
                .map(Changed::key)
                .distinct()
                .toList();
    }

    /** One comment moved to another state, with the state it had before. */
    public record Changed(long id, CommentSubject subject, long articleId, CommentState before) {

        public Key key() {
            return new Key(subject, articleId);
        }
    }

    /** Moves comments to a state, as {@link #setState}; returns each comment moved, with its state before. */
    public List<Changed> changeState(Collection<Long> ids, CommentState state, String by, Instant at) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // The old state comes from a locked read in the same statement, so that two editors deciding at once
        // each see what they changed.
        return jdbc.sql("""
                update comments_comment c set state = :state, moderated_at = :at, moderated_by = :by,
                    published_at = case when :state = 'APPROVED' then coalesce(c.published_at, :at) else c.published_at end,
                    reports = case when :state = 'APPROVED' then 0 else c.reports end,
                    signed_in_reports = case when :state = 'APPROVED' then 0 else c.signed_in_reports end,
                    email = case when :state in ('REJECTED', 'SPAM') then null else c.email end
                from (select id, state from comments_comment where id = any(:ids::bigint[]) order by id for update) old
                where c.id = old.id
                returning c.id, c.subject, c.article_id, old.state as before""")
                .param("state", state.name())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("ids", arrayLiteral(ids.stream().map(String::valueOf).toList()))
                .query((rs, n) -> new Changed(
                        rs.getLong("id"),
                        CommentSubject.valueOf(rs.getString("subject")),
                        rs.getLong("article_id"),
                        CommentState.valueOf(rs.getString("before"))))
                .list();
    }

    /**
     * An editor has looked at these comments' reports (and kept the comments): the reports are kept, so the same
     * address or account cannot report them again, but no longer count.
     */
    public void settleReports(Collection<Long> ids) {
        jdbc.sql("update comments_report set settled = true where comment_id = any(:ids::bigint[]) and not settled")
                .param("ids", arrayLiteral(ids.stream().map(String::valueOf).toList()))
                .update();
    }

    /** Approved comments whose authors asked to be told, with their addresses; the addresses are erased. */
    public List<Notice> takeNotices(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update comments_comment c set email = null
                from comments_comment old
                where c.id = old.id and c.id = any(:ids::bigint[]) and c.state = 'APPROVED' and old.email is not null
                returning c.id, c.subject, c.article_id, old.email, c.language, c.title""")
                .param("ids", arrayLiteral(ids.stream().map(String::valueOf).toList()))
                .query((rs, n) -> new Notice(
                        rs.getLong(1),
                        CommentSubject.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    public boolean edit(long id, String title, String body, String signature, Instant at) {
        return jdbc.sql(
                                "update comments_comment set title = :title, body = :body, signature = :signature, edited_at = :at where id = :id")
                        .param("title", title)
                        .param("body", body)
                        .param("signature", signature)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean reply(long id, @Nullable String reply, String by, Instant at) {
        return jdbc.sql("update comments_comment set reply = :reply, reply_by = :by, replied_at = :at where id = :id")
                        .param("reply", reply)
                        .param("by", reply == null ? null : by)
                        .param("at", reply == null ? null : Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** A comment's unsettled reports after one more was counted: all of them, and those of signed-in accounts. */
    public record Reports(int all, int signedIn) {}

    /**
     * Counts a report of a public comment once per reporter (a keyed hash of an address or an account), settled
     * reports included; returns the comment's counts afterwards, empty when the report was not counted (the
     * reporter had reported it before, or the comment is not public).
     */
    public Optional<Reports> report(long id, String reporter, boolean signedIn, Instant at) {
        return jdbc.sql("""
                with added as (
                    insert into comments_report (comment_id, reporter, reported_at, signed_in)
                    select id, :reporter, :at, :signedIn from comments_comment where id = :id and state = 'APPROVED'
                    on conflict do nothing
                    returning comment_id)
                update comments_comment c set reports = c.reports + 1,
                    signed_in_reports = c.signed_in_reports + case when :signedIn then 1 else 0 end
                from added where c.id = added.comment_id
                returning c.reports, c.signed_in_reports""")
                .param("id", id)
                .param("reporter", reporter)
                .param("at", Timestamp.from(at))
                .param("signedIn", signedIn)
                .query((rs, n) -> new Reports(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    /**
     * Hides a public comment after enough reports, until an editor decides (moderated by nobody: the readers did);
     * returns its subject, empty when it was not public any more.
     */
    public Optional<Key> hide(long id, Instant at) {
        return jdbc.sql("""
                update comments_comment set state = 'HIDDEN', moderated_at = :at, moderated_by = ''
                where id = :id and state = 'APPROVED' returning subject, article_id""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new Key(CommentSubject.valueOf(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    public List<BannedPhrase> bannedPhrases() {
        return jdbc.sql("select id, phrase, added_at, added_by from comments_banned_phrase order by lower(phrase)")
                .query((rs, n) -> new BannedPhrase(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** The new phrase's id; empty when it was on the list already. */
    public Optional<Long> addBannedPhrase(String phrase, String by, Instant at) {
        return jdbc.sql("""
                insert into comments_banned_phrase (phrase, added_at, added_by) values (:p, :at, :by)
                on conflict do nothing returning id""")
                .param("p", phrase)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .query(Long.class)
                .optional();
    }

    /** The phrase taken off the list; empty when there was none with this id. */
    public Optional<String> removeBannedPhrase(long id) {
        return jdbc.sql("delete from comments_banned_phrase where id = :id returning phrase")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        Array flags = rs.getArray("flags");
        return new Comment(
                rs.getLong("id"),
                CommentSubject.valueOf(rs.getString("subject")),
                rs.getLong("article_id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("signature"),
                rs.getBoolean("has_email"),
                rs.getString("language"),
                CommentState.valueOf(rs.getString("state")),
                flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()),
                rs.getInt("reports"),
                rs.getInt("signed_in_reports"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "published_at"),
                instant(rs, "moderated_at"),
                rs.getString("moderated_by"),
                instant(rs, "edited_at"),
                rs.getString("reply"),
                rs.getString("reply_by"),
                instant(rs, "replied_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A PostgreSQL array literal of simple words (flags, ids): no quoting needed for what is passed here. */
    static String arrayLiteral(Collection<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
