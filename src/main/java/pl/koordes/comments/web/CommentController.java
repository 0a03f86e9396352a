package pl.koordes.comments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentForm;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.Comments;
import pl.koordes.comments.internal.CommentsProperties;
import pl.koordes.comments.internal.Subject;
import pl.koordes.comments.internal.Subjects;
import pl.koordes.comments.internal.SubmissionLookups;
import pl.koordes.postulates.PublicPostulates;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;

/** Visitors sending and reporting comments. No account needed and no session created. */
@Controller
class CommentController {

    /** How much of a refused form is shown again, so a huge paste cannot make a huge page. */
    private static final int REDISPLAY_MAX = 20_000;

    private final CommentManagement management;
    private final Comments comments;
    private final SubmissionLookups lookups;
    private final PublicPostulates postulates;
    private final Subjects subjects;
    private final CommentSection section;
    private final CommentsProperties properties;

    CommentController(
            CommentManagement management,
            Comments comments,
            SubmissionLookups lookups,
            PublicPostulates postulates,
            Subjects subjects,
            CommentSection section,
            CommentsProperties properties) {
        this.management = management;
        this.comments = comments;
        this.lookups = lookups;
        this.postulates = postulates;
        this.subjects = subjects;
        this.section = section;
        this.properties = properties;
    }

    @PostMapping("/aktualnosci/{slug}/komentarze")
    String submit(
            @PathVariable String slug,
            @Valid CommentForm form,
            BindingResult result,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Page page,
            Model model) {
        Subject article = lookups.article(slug).orElseThrow(() -> new NotFound("article", slug));
        return submit(article, form, result, locale, request, response, page, model);
    }

    /**
     * A comment under a postulate: the same checks as under an article. Only a public postulate that is not
     * merged takes comments; a draft (or a malformed or unknown id) is not there (404).
     */
    @PostMapping("/postulaty/{id}/komentarze")
    String submitUnderPostulate(
            @PathVariable String id,
            @Valid CommentForm form,
            BindingResult result,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Page page,
            Model model) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFound("postulate", id);
        }
        Subject postulate =
                Subjects.of(postulates.findPublic(Long.parseLong(id)).orElseThrow(() -> new NotFound("postulate", id)));
        return submit(postulate, form, result, locale, request, response, page, model);
    }

    private String submit(
            Subject article,
            CommentForm form,
            BindingResult result,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Page page,
            Model model) {
        FormErrors errors = FormErrors.check(form, result);
        if (!errors.any()) {
            try {
                CommentState state = management.submit(article, form, request.getRemoteAddr(), locale);
                return "redirect:" + article.path() + "?" + CommentSection.NOTICE_PARAMETER + "="
                        + (state == CommentState.APPROVED ? "opublikowany" : "oczekuje") + "#komentarze";
            } catch (Refused refused) {
                errors = FormErrors.of(refused);
                if (CommentManagement.TOO_MANY.equals(refused.messageKey())) {
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                }
            }
        }
        if (response.getStatus() != HttpStatus.TOO_MANY_REQUESTS.value()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        // The refused form can be long (what was typed): set the CSRF cookie before the page streams.
        page.csrfToken();
        model.addAllAttributes(section.formModel(page, article, form.forRedisplay(REDISPLAY_MAX), prefixed(errors)));
        return "comments/refused";
    }

    /** The form's fields have ids prefixed with {@code comment-}, as the article page has other forms. */
    private static FormErrors prefixed(FormErrors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, key) -> fields.put("comment-" + field, key));
        errors.global().forEach(key -> fields.putIfAbsent("comment-form", key));
        return FormErrors.of(fields);
    }

    @GetMapping("/komentarze/{id}/zgloszenie")
    String reportForm(@PathVariable String id, Page page, Model model) {
        Comment comment = publicComment(id);
        page.csrfToken();
        Subject article = subjectOf(comment);
        model.addAttribute("comment", comment);
        model.addAttribute("subject", article);
        return "comments/report";
    }

    /**
     * Anyone may report (signed in or not); what a report does depends on who sends it, see
     * {@link CommentManagement#report}. Too many reports from one address answer 429 with the reason.
     */
    @PostMapping("/komentarze/{id}/zgloszenie")
    String report(
            @PathVariable String id,
            Optional<CurrentUser> user,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Comment comment = publicComment(id);
        Subject article = subjectOf(comment);
        try {
            management.report(
                    comment.id(),
                    request.getRemoteAddr(),
                    user.map(CurrentUser::id).orElse(null));
        } catch (Refused refused) {
            if (!CommentManagement.TOO_MANY_REPORTS.equals(refused.messageKey())) {
                throw refused;
            }
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("comment", comment);
            model.addAttribute("subject", article);
            return "comments/tooManyReports";
        }
        return "redirect:" + article.path() + "?" + CommentSection.NOTICE_PARAMETER + "=zgloszony#komentarze";
    }

    private Subject subjectOf(Comment comment) {
        return subjects.find(new CommentStore.Key(comment.subject(), comment.articleId()))
                .orElseThrow(() -> new NotFound("subject", comment.articleId()));
    }

    private Comment publicComment(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFound("comment", id);
        }
        return comments.byId(Long.parseLong(id))
                .filter(c -> c.state() == CommentState.APPROVED)
                .orElseThrow(() -> new NotFound("comment", id));
    }
}
