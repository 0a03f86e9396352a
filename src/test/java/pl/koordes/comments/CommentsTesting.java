package pl.koordes.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import pl.koordes.comments.internal.BannedPhraseForm;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.CommentThreads;
import pl.koordes.comments.internal.Comments;
import pl.koordes.comments.internal.ModerationAction;
import pl.koordes.comments.internal.ReplyForm;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUserPrincipal;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Articles and comments for the comments tests. Articles are written straight into content's table
 * (published a day ago), so each test can have one of its own; everything else goes through this
 * module's own services.
 */
public final class CommentsTesting {

    static final CurrentUser EDITOR = new CurrentUser(
            0,
            "redaktor@demo.koordes.example",
            "Roman Redakcyjny",
            List.of(new RoleAssignment(Role.EDITOR, null)),
            "pl");

    private final JdbcClient jdbc;
    private final PublishedArticles articles;
    private final CommentManagement management;
    private final Comments comments;
    private final CommentStore store;
    private final CommentThreads threads;

    public static CommentsTesting of(ApplicationContext context) {
        return new CommentsTesting(
                context.getBean(JdbcClient.class),
                context.getBean(PublishedArticles.class),
                context.getBean(CommentManagement.class),
                context.getBean(Comments.class),
                context.getBean(CommentStore.class),
                context.getBean(CommentThreads.class));
    }

    private CommentsTesting(
            JdbcClient jdbc,
            PublishedArticles articles,
            CommentManagement management,
            Comments comments,
            CommentStore store,
            CommentThreads threads) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.management = management;
        this.comments = comments;
        this.store = store;
        this.threads = threads;
    }

    /** A fresh published article whose title carries markup, so every page that shows it proves escaping. */
    public ArticleReference article() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                insert into article (slug, title, lead, body_markdown, body_html, author_name, status, published_at)
                values (:slug, :title, 'Zajawka', 'Treść', '<p>Treść</p>', 'Redakcja', 'PUBLISHED', :published)
                returning id""")
                .param("slug", "test-komentarzy-" + suffix)
                .param("title", "Test komentarzy <b>" + suffix + "</b> & spółka")
                .param("published", Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .query(Long.class)
                .single();
        return articles.findById(id).orElseThrow();
    }

    String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Comment byTitle(String title) {
        long id = jdbc.sql("select id from comments_comment where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
        return comments.byId(id).orElseThrow();
    }

    void approve(long id) {
        management.moderate(List.of(id), ModerationAction.APPROVE, EDITOR);
    }

    void ban(String phrase) {
        management.banPhrase(new BannedPhraseForm(phrase), EDITOR);
    }

    /** Adds approved comments titled "Komentarz próbny N" (numbered on from those there), as editors would have approved them. */
    public void approvedComments(ArticleReference article, int count) {
        int before = jdbc.sql("select count(*) from comments_comment where article_id = :a")
                .param("a", article.id())
                .query(Integer.class)
                .single();
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS);
        for (int i = before + 1; i <= before + count; i++) {
            store.insert(new CommentStore.NewComment(
                    article.id(),
                    "Komentarz próbny " + i,
                    "Treść <i>" + i + "</i>",
                    "Autor " + i,
                    null,
                    "pl",
                    CommentState.APPROVED,
                    List.of(),
                    UUID.randomUUID().toString().replace("-", ""),
                    base.plusSeconds(i)));
        }
        threads.touchThreads(List.of(article.id()));
    }

    /** Pending comments, as sent by visitors whose browsers solved the proof of work. */
    public void pendingComments(ArticleReference article, int count) {
        for (int i = 1; i <= count; i++) {
            store.insert(new CommentStore.NewComment(
                    article.id(),
                    "Oczekujący " + i + " <u>x</u>",
                    "Treść oczekująca " + i,
                    "Autor " + i,
                    null,
                    "pl",
                    CommentState.PENDING,
                    List.of(),
                    UUID.randomUUID().toString().replace("-", ""),
                    Instant.now()));
        }
    }

    /** One approved comment exactly as given (no clean-up), as if an editor had approved it. */
    public void approvedComment(ArticleReference article, String title, String body, String signature) {
        store.insert(new CommentStore.NewComment(
                article.id(),
                title,
                body,
                signature,
                null,
                "pl",
                CommentState.APPROVED,
                List.of(),
                UUID.randomUUID().toString().replace("-", ""),
                Instant.now()));
        threads.touchThreads(List.of(article.id()));
    }

    /** The editors reply to the article's oldest approved comment. */
    public void replyToFirst(ArticleReference article, String text) {
        long id = jdbc.sql(
                        "select id from comments_comment where article_id = :a and state = 'APPROVED' order by published_at, id limit 1")
                .param("a", article.id())
                .query(Long.class)
                .single();
        management.reply(id, new ReplyForm(text), EDITOR);
    }

    /** The demo editor as Spring Security holds them once signed in, for MockMvc requests. */
    public static Authentication editorAuthentication() {
        return new UsernamePasswordAuthenticationToken(
                (CurrentUserPrincipal) () -> EDITOR,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority(Role.EDITOR.authority())));
    }

    /** An editor rejects the comment. */
    static void reject(ApplicationContext context, long id) {
        context.getBean(CommentManagement.class).moderate(List.of(id), ModerationAction.REJECT, EDITOR);
    }
}
