package pl.koordes.comments.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import pl.koordes.comments.CommentState;

/**
 * The statements of a group of submissions ({@link Submissions}): one each for the contents' locks, the duplicates
 * and the insert, whatever the group's size.
 */
@Repository
class SubmissionStore {

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@link CommentStore#lockFingerprint} for several contents in one statement, in the order of the locks' keys,
     * so that two groups sharing contents (on one node or two) wait for each other rather than deadlock.
     */
    void lockFingerprints(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return;
        }
        jdbc.sql("""
                select pg_advisory_xact_lock(:space, h)
                from (select distinct hashtext(f) as h from unnest(cast(:fingerprints as text[])) as f order by 1) as keys""")
                .param("space", CommentStore.FINGERPRINT_LOCKS)
                .param("fingerprints", CommentStore.arrayLiteral(fingerprints))
                .query((rs, row) -> Boolean.TRUE)
                .list();
    }

    /** Which of these contents were sent since then (call {@link #lockFingerprints} first, in the same transaction). */
    List<String> duplicates(Collection<String> fingerprints, Instant since) {
        if (fingerprints.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct fingerprint from comments_comment
                        where fingerprint = any (cast(:fingerprints as text[])) and created_at >= :since""")
                .param("fingerprints", CommentStore.arrayLiteral(fingerprints))
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list();
    }

    /** Stores the comments (their contents all different) in one statement; returns their ids in the same order. */
    List<Long> insertAll(List<CommentStore.NewComment> comments) {
        if (comments.isEmpty()) {
            return List.of();
        }
        int n = comments.size();
        String[][] columns = new String[9][n];
        Object[] articles = new Object[n];
        Object[] created = new Object[n];
        Object[] published = new Object[n];
        for (int i = 0; i < n; i++) {
            CommentStore.NewComment c = comments.get(i);
            columns[0][i] = c.subject().name();
            columns[1][i] = c.title();
            columns[2][i] = c.body();
            columns[3][i] = c.signature();
            columns[4][i] = c.email();
            columns[5][i] = c.language();
            columns[6][i] = c.state().name();
            columns[7][i] = String.join(",", c.flags());
            columns[8][i] = c.fingerprint();
            articles[i] = c.articleId();
            created[i] = Timestamp.from(c.createdAt());
            published[i] = c.state() == CommentState.APPROVED ? Timestamp.from(c.createdAt()) : null;
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                insert into comments_comment (subject, article_id, title, body, signature, email, language, state, flags,
                    fingerprint, created_at, published_at)
                select c.subject, c.article, c.title, c.body, c.signature, c.email, c.language, c.state,
                    case when c.flags = '' then cast('{}' as text[]) else string_to_array(c.flags, ',') end,
                    c.fingerprint, c.created, c.published
                from unnest(:subjects, :articles, :titles, :bodies, :signatures, :emails, :languages, :states, :flags,
                    :fingerprints, :created, :published)
                    as c(subject, article, title, body, signature, email, language, state, flags, fingerprint, created,
                    published)
                returning fingerprint, id""")
                .param("subjects", text(columns[0]))
                .param("articles", new SqlArrayValue("bigint", articles))
                .param("titles", text(columns[1]))
                .param("bodies", text(columns[2]))
                .param("signatures", text(columns[3]))
                .param("emails", text(columns[4]))
                .param("languages", text(columns[5]))
                .param("states", text(columns[6]))
                .param("flags", text(columns[7]))
                .param("fingerprints", text(columns[8]))
                .param("created", new SqlArrayValue("timestamptz", created))
                .param("published", new SqlArrayValue("timestamptz", published))
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        List<Long> ordered = new ArrayList<>(n);
        for (CommentStore.NewComment c : comments) {
            ordered.add(ids.get(c.fingerprint()));
        }
        return ordered;
    }

    private static SqlArrayValue text(String[] values) {
        return new SqlArrayValue("text", (Object[]) values);
    }
}
