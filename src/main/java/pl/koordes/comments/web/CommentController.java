package pl.koordes.comments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentForm;
import pl.koordes.comments.CommentManagement;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.Comments;
import pl.koordes.comments.CommentsProperties;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.RateLimiter;

/** Visitors sending and reporting comments. No account needed and no session created. */
@Controller
class CommentController {

    /** Reports per client address: enough for a person, too few to hide comments by flooding. */
    private static final RateLimiter.Limit REPORTS = new RateLimiter.Limit("comment-report", 20, Duration.ofHours(1));
    /** How much of a refused form is shown again, so a huge paste cannot make a huge page. */
    private static final int REDISPLAY_MAX = 20_000;

    private final CommentManagement management;
    private final Comments comments;
    private final PublishedArticles articles;
    private final CommentSection section;
    private final CommentsProperties properties;
    private final RateLimiter limiter;

    CommentController(CommentManagement management, Comments comments, PublishedArticles articles,
            CommentSection section, CommentsProperties properties, RateLimiter limiter) {
        this.management = management;
        this.comments = comments;
        this.articles = articles;
        this.section = section;
        this.properties = properties;
        this.limiter = limiter;
    }

    @PostMapping("/aktualnosci/{slug}/komentarze")
    String submit(@PathVariable String slug, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @RequestParam(required = false) String signature,
            @RequestParam(required = false) String email, @RequestParam(required = false) String consent,
            @RequestParam(required = false) String website, @RequestParam(required = false) String proof,
            Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
        ArticleReference article = articles.findBySlug(slug).orElseThrow(CommentController::notFound);
        CommentForm form = CommentForm.of(title, body, signature, email, consent != null, website, proof);
        CommentManagement.Outcome outcome = management.submit(article, form, request.getRemoteAddr(), locale);
        if (outcome.accepted()) {
            return "redirect:" + article.path() + "?" + CommentSection.NOTICE_PARAMETER + "="
                    + (outcome.published() ? "opublikowany" : "oczekuje") + "#komentarze";
        }
        response.setStatus(outcome.tooMany() ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
        Map<String, String> fields = new LinkedHashMap<>();
        outcome.errors().forEach((field, key) -> fields.put(field.isEmpty() ? "comment-form" : "comment-" + field, key));
        Page page = (Page) model.getAttribute("page");
        model.addAllAttributes(section.formModel(page, article, form.forRedisplay(REDISPLAY_MAX), FormErrors.of(fields)));
        return "comments/refused";
    }

    @GetMapping("/komentarze/{id}/zgloszenie")
    String reportForm(@PathVariable String id, Model model) {
        Comment comment = publicComment(id);
        ArticleReference article = articles.findById(comment.articleId()).orElseThrow(CommentController::notFound);
        model.addAttribute("comment", comment);
        model.addAttribute("article", article);
        return "comments/report";
    }

    @PostMapping("/komentarze/{id}/zgloszenie")
    String report(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Comment comment = publicComment(id);
        ArticleReference article = articles.findById(comment.articleId()).orElseThrow(CommentController::notFound);
        if (!limiter.tryConsume(REPORTS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("comment", comment);
            model.addAttribute("article", article);
            return "comments/tooManyReports";
        }
        management.report(comment.id(), request.getRemoteAddr());
        return "redirect:" + article.path() + "?" + CommentSection.NOTICE_PARAMETER + "=zgloszony#komentarze";
    }

    private Comment publicComment(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw notFound();
        }
        return comments.byId(Long.parseLong(id)).filter(c -> c.state() == CommentState.APPROVED)
                .orElseThrow(CommentController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
