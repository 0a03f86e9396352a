package pl.koordes.comments.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.comments.CommentSubject;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * A person's comments (those sent with their address, for the notice of publication) and, for editors,
 * their name on moderation decisions and replies. Erasure keeps a published comment's text (it is part of
 * a public discussion others answered) but removes who wrote it; the lists showing it are refreshed.
 */
@Component
class CommentPersonalData implements PersonalData {

    /** The signature an erased author's comment shows. */
    static final String ERASED = "Osoba usunięta";

    private final JdbcClient jdbc;
    private final CommentThreads threads;

    CommentPersonalData(JdbcClient jdbc, CommentThreads threads) {
        this.jdbc = jdbc;
        this.threads = threads;
    }

    @Override
    public String section() {
        return "comments";
    }

    @Override
    public Object export(Person person) {
        return jdbc.sql("""
                        select subject, article_id, title, body, signature, state, created_at, published_at from comments_comment
                        where lower(email) = lower(:email) order by created_at
                        """)
                .param("email", person.email())
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("subject", rs.getString("subject"));
                    row.put("articleId", rs.getLong("article_id"));
                    row.put("title", rs.getString("title"));
                    row.put("text", rs.getString("body"));
                    row.put("signature", rs.getString("signature"));
                    row.put("state", rs.getString("state"));
                    row.put("sentAt", String.valueOf(rs.getObject("created_at")));
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        List<CommentStore.Key> subjects = jdbc.sql("""
                        select distinct subject, article_id from comments_comment
                        where lower(email) = lower(:email) or moderated_by = :name or reply_by = :name
                        """)
                .param("email", person.email())
                .param("name", person.displayName())
                .query((rs, n) -> new CommentStore.Key(CommentSubject.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        jdbc.sql("update comments_comment set signature = :erased, email = null where lower(email) = lower(:email)")
                .param("erased", ERASED)
                .param("email", person.email())
                .update();
        if (!person.displayName().isBlank()) {
            jdbc.sql("""
                            update comments_comment set
                                moderated_by = case when moderated_by = :name then :erased else moderated_by end,
                                reply_by = case when reply_by = :name then :erased else reply_by end
                            where moderated_by = :name or reply_by = :name
                            """)
                    .param("name", person.displayName())
                    .param("erased", ERASED)
                    .update();
        }
        // The public lists are cached per thread revision: the signature changes, so the revision does.
        threads.touchSubjects(subjects);
    }
}
