package pl.koordes.comments.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentForm;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.Comments;
import pl.koordes.comments.internal.CommentsProperties;
import pl.koordes.comments.internal.Subject;
import pl.koordes.comments.internal.Subjects;
import pl.koordes.content.ArticlePageSection;
import pl.koordes.content.ArticleReference;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.Paged;

/**
 * The comments under every article (and, through {@link PostulateCommentSection}, every public postulate): the approved comments, a page at a time, and the form. The
 * rendered list is cached per article, thread revision, page and language; every public change bumps
 * the thread's revision in the database, so each node sees a stale entry as a miss and no
 * invalidation message is needed. The form carries no challenge (the script fetches one per visitor
 * from {@link ChallengeController}); its CSRF token is the visitor's own. An article view costs one
 * small query when the list is cached.
 */
@Component
class CommentSection implements ArticlePageSection {

    /** Query parameter with the page of comments. */
    static final String PAGE_PARAMETER = "komentarze";
    /** Query parameter with what just happened (after a redirect): no session needed for a message. */
    static final String NOTICE_PARAMETER = "komentarz";

    private static final Map<String, String> NOTICES = Map.of(
            "oczekuje", "comments.notice.pending",
            "opublikowany", "comments.notice.published",
            "zgloszony", "comments.notice.reported");

    private record Key(CommentStore.Key subject, long revision, int page, String language) {}

    private final Cache<Key, String> lists = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((Key key, String html) -> html.length() * 2 + 64)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private final Comments comments;
    private final CommentsProperties properties;
    private final PageFactory pages;
    private final TemplateEngine templates;

    CommentSection(Comments comments, CommentsProperties properties, PageFactory pages, TemplateEngine templates) {
        this.comments = comments;
        this.properties = properties;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Content> render(ArticleReference article, HttpServletRequest request) {
        return render(Subjects.of(article), request);
    }

    /** The list and the form under a subject that the visitor may see. */
    Optional<Content> render(Subject article, HttpServletRequest request) {
        Page page = pages.of(request);
        // Loads the CSRF token now, while the response can still take headers: the cookie repository
        // sets its cookie on first use, and the form is written at the end of a long page, after the
        // response has begun streaming. Without this the form carries a token no cookie matches.
        page.csrfToken();
        Comments.Thread thread = comments.thread(article.key());
        int number = Math.min(
                Paged.number(request.getParameter(PAGE_PARAMETER)),
                Paged.pages(thread.approved(), properties.pageSize()));
        String list = lists.get(
                new Key(article.key(), thread.revision(), number, page.lang()),
                key -> renderList(page, article, comments.approved(article.key(), number, thread.approved())));
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("approved", thread.approved());
        model.put("notice", notice(request.getParameter(NOTICE_PARAMETER)));
        model.put("list", (Content) output -> output.writeContent(list));
        model.put("form", form(page, article, CommentForm.empty(), FormErrors.none()));
        return Optional.of(output -> templates.render("comments/section.jte", model, output));
    }

    /** The form; also used by the page that shows a refused comment again. */
    Content form(Page page, Subject article, CommentForm form, FormErrors errors) {
        Map<String, Object> model = formModel(page, article, form, errors);
        return output -> templates.render("comments/form.jte", model, output);
    }

    Map<String, Object> formModel(Page page, Subject article, CommentForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("subject", article);
        model.put("form", form);
        model.put("errors", errors);
        model.put("challengeUrl", ChallengeController.PATH);
        model.put("limits", properties);
        return model;
    }

    private String renderList(Page page, Subject article, Paged<Comment> commentPage) {
        StringOutput output = new StringOutput();
        templates.render(
                "comments/list.jte", Map.of("page", page, "subject", article, "comments", commentPage), output);
        return output.toString();
    }

    private static @Nullable String notice(@Nullable String parameter) {
        return parameter == null ? null : NOTICES.get(parameter);
    }
}
