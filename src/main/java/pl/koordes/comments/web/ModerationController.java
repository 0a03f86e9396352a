package pl.koordes.comments.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.comments.BannedPhrase;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentForm;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.CommentSubject;
import pl.koordes.comments.internal.BannedPhraseForm;
import pl.koordes.comments.internal.CommentManagement;
import pl.koordes.comments.internal.CommentPermissions;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.Comments;
import pl.koordes.comments.internal.CommentsProperties;
import pl.koordes.comments.internal.ModerationAction;
import pl.koordes.comments.internal.ReplyForm;
import pl.koordes.comments.internal.Subject;
import pl.koordes.comments.internal.Subjects;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Paged;

/** The editors' moderation queue: decide, edit out personal data, reply, keep the banned phrases. */
@Controller
class ModerationController {

    /** The header's way into the comment moderation queue, for editors and administrators. */
    @Bean
    static HeaderLink moderationHeaderLink(CommentPermissions permissions) {
        return HeaderLink.to(QueueView.QUEUE, "comments.headerLink", 60, permissions::canModerate);
    }

    static final String QUEUE = QueueView.QUEUE;
    /** Most comments one bulk action may name. */
    private static final int MAX_BULK = 500;

    private final Comments comments;
    private final CommentManagement management;
    private final CommentPermissions permissions;
    private final Subjects subjects;
    private final CommentsProperties properties;

    ModerationController(
            Comments comments,
            CommentManagement management,
            CommentPermissions permissions,
            Subjects subjects,
            CommentsProperties properties) {
        this.comments = comments;
        this.management = management;
        this.permissions = permissions;
        this.subjects = subjects;
        this.properties = properties;
    }

    @GetMapping(QUEUE)
    String queue(
            CurrentUser user,
            @RequestParam(name = "stan", required = false) String state,
            @RequestParam(name = "artykul", required = false) String article,
            @RequestParam(name = "strona", required = false) String number,
            Model model) {
        requireModerator(user);
        String filter = state == null ? CommentState.PENDING.name() : normaliseFilter(state);
        Long articleId = articleId(article);
        CommentState only = filter.isEmpty() || filter.equals(QueueView.REPORTED) ? null : CommentState.valueOf(filter);
        Paged<Comment> page = comments.queue(
                new Comments.QueueFilter(only, filter.equals(QueueView.REPORTED), articleId), Paged.number(number));
        List<Long> commented = comments.commentedArticles();
        Set<CommentStore.Key> keys = new HashSet<>();
        commented.forEach(id -> keys.add(new CommentStore.Key(CommentSubject.ARTICLE, id)));
        page.items().forEach(c -> keys.add(new CommentStore.Key(c.subject(), c.articleId())));
        if (articleId != null) {
            keys.add(new CommentStore.Key(CommentSubject.ARTICLE, articleId));
        }
        Map<CommentStore.Key, Subject> found = subjects.findAll(keys);
        Map<Long, String> titles = new HashMap<>();
        found.values().stream()
                .filter(s -> s.kind() == CommentSubject.ARTICLE)
                .forEach(s -> titles.put(s.id(), s.title()));
        model.addAttribute("view", new QueueView(filter, articleId, page, comments.counts(), commented, titles, found));
        return "comments/moderation/queue";
    }

    @PostMapping(QUEUE)
    String bulk(
            CurrentUser user,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "ids", required = false) List<String> ids,
            @RequestParam(name = "stan", required = false) String state,
            @RequestParam(name = "artykul", required = false) String article,
            RedirectAttributes redirect) {
        requireModerator(user);
        ModerationAction decided = ModerationAction.parse(action);
        List<Long> chosen = new ArrayList<>();
        if (ids != null) {
            ids.stream()
                    .limit(MAX_BULK)
                    .filter(id -> id.matches("\\d{1,18}"))
                    .map(Long::parseLong)
                    .forEach(chosen::add);
        }
        if (decided == null || chosen.isEmpty()) {
            redirect.addFlashAttribute(
                    "problem", decided == null ? "comments.queue.noAction" : "comments.queue.noneChosen");
        } else {
            int done = management.moderate(chosen, decided, user);
            redirect.addFlashAttribute("notice", "comments.queue.done." + decided.name());
            redirect.addFlashAttribute("noticeCount", done);
        }
        return "redirect:" + queueUrl(state == null ? "" : normaliseFilter(state), articleId(article), 1);
    }

    @GetMapping(QUEUE + "/{id}")
    String comment(CurrentUser user, @PathVariable String id, Model model) {
        requireModerator(user);
        return detail(model, comment(id), FormErrors.none(), null);
    }

    @PostMapping(QUEUE + "/{id}/decyzja")
    String decide(
            CurrentUser user,
            @PathVariable String id,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "stan", required = false) String state,
            @RequestParam(name = "artykul", required = false) String article,
            @RequestParam(name = "powrot", required = false) String back,
            RedirectAttributes redirect) {
        requireModerator(user);
        Comment comment = comment(id);
        ModerationAction decided = ModerationAction.parse(action);
        if (decided == null) {
            redirect.addFlashAttribute("problem", "comments.queue.noAction");
        } else {
            management.moderate(List.of(comment.id()), decided, user);
            redirect.addFlashAttribute("notice", "comments.queue.done." + decided.name());
            redirect.addFlashAttribute("noticeCount", 1);
        }
        if ("komentarz".equals(back)) {
            return "redirect:" + QUEUE + "/" + comment.id();
        }
        return "redirect:" + queueUrl(state == null ? "" : normaliseFilter(state), articleId(article), 1);
    }

    @PostMapping(QUEUE + "/{id}/edycja")
    String edit(
            CurrentUser user,
            @PathVariable String id,
            @Valid CommentForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return submitAbout(
                user,
                id,
                form,
                result,
                response,
                comment -> {
                    management.edit(comment.id(), form);
                    return backTo(comment, redirect, "comments.detail.edited");
                },
                (comment, errors) -> detail(
                        model,
                        comment.withTexts(cut(form.title()), cut(form.body()), cut(form.signature())),
                        errors,
                        null));
    }

    @PostMapping(QUEUE + "/{id}/odpowiedz")
    String reply(
            CurrentUser user,
            @PathVariable String id,
            @Valid ReplyForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return submitAbout(
                user,
                id,
                form,
                result,
                response,
                comment -> {
                    management.reply(comment.id(), form, user);
                    return backTo(
                            comment,
                            redirect,
                            form.text().isBlank() ? "comments.detail.replyRemoved" : "comments.detail.replied");
                },
                (comment, errors) -> detail(model, comment, errors, cut(form.reply())));
    }

    /**
     * A form of the comment page (edit, reply), submitted the one way forms are: the operation runs on the
     * comment when the form passes its checks, else the page comes back with the errors beside its fields.
     */
    private String submitAbout(
            CurrentUser user,
            String id,
            Object form,
            BindingResult result,
            HttpServletResponse response,
            Function<Comment, String> operation,
            BiFunction<Comment, FormErrors, String> again) {
        requireModerator(user);
        Comment comment = comment(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> operation.apply(comment),
                errors -> again.apply(comment, prefixed(errors)));
    }

    /** Back to the comment's page, saying what was done. */
    private static String backTo(Comment comment, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + QUEUE + "/" + comment.id();
    }

    @GetMapping(QUEUE + "/zakazane-frazy")
    String bannedPhrases(CurrentUser user, Model model) {
        requireModerator(user);
        return banned(model, "", FormErrors.none());
    }

    @PostMapping(QUEUE + "/zakazane-frazy")
    String banPhrase(
            CurrentUser user,
            @Valid BannedPhraseForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        requireModerator(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.banPhrase(form, user);
                    redirect.addFlashAttribute("notice", "comments.banned.added");
                    return "redirect:" + QUEUE + "/zakazane-frazy";
                },
                errors -> banned(model, cut(form.phrase()), errors));
    }

    /** Asks before removing a phrase: comments containing it will be accepted again. */
    @GetMapping(QUEUE + "/zakazane-frazy/{id}/usun")
    String confirmRemovePhrase(CurrentUser user, @PathVariable String id, Model model) {
        requireModerator(user);
        BannedPhrase phrase = management.bannedPhrases().stream()
                .filter(p -> String.valueOf(p.id()).equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("banned phrase", id));
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                QUEUE + "/zakazane-frazy/" + phrase.id() + "/usun",
                                QUEUE + "/zakazane-frazy",
                                "comments.confirm.banned.title",
                                "comments.confirm.banned.button")
                        .subject("„" + phrase.phrase() + "”")
                        .consequence("comments.confirm.banned.allowed"));
        return "shared/confirm";
    }

    @PostMapping(QUEUE + "/zakazane-frazy/{id}/usun")
    String removePhrase(
            CurrentUser user,
            @PathVariable String id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        requireModerator(user);
        if (!id.matches("\\d{1,18}")) {
            throw new NotFound("banned phrase", id);
        }
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + QUEUE + "/zakazane-frazy/" + id + "/usun";
        }
        management.removeBannedPhrase(Long.parseLong(id));
        redirect.addFlashAttribute("notice", "comments.banned.removed");
        return "redirect:" + QUEUE + "/zakazane-frazy";
    }

    /** The comment page's edit and reply fields have ids prefixed with {@code edit-}. */
    private static FormErrors prefixed(FormErrors errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, key) -> fields.put("edit-" + field, key));
        errors.global().forEach(key -> fields.putIfAbsent("edit-form", key));
        return FormErrors.of(fields);
    }

    private String detail(Model model, Comment comment, FormErrors errors, @Nullable String replyTyped) {
        Subject subject = subjects.find(new CommentStore.Key(comment.subject(), comment.articleId()))
                .orElse(null);
        model.addAttribute("comment", comment);
        model.addAttribute("subject", subject);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "replyText", replyTyped != null ? replyTyped : comment.reply() == null ? "" : comment.reply());
        model.addAttribute("limits", properties);
        return "comments/moderation/comment";
    }

    private String banned(Model model, String phrase, FormErrors errors) {
        model.addAttribute("phrases", management.bannedPhrases());
        model.addAttribute("phrase", phrase);
        model.addAttribute("errors", errors);
        return "comments/moderation/banned";
    }

    private void requireModerator(CurrentUser user) {
        if (!permissions.canModerate(user)) {
            throw new AccessDeniedException("moderation");
        }
    }

    private Comment comment(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFound("comment", id);
        }
        return comments.byId(Long.parseLong(id)).orElseThrow(() -> new NotFound("comment", id));
    }

    static String queueUrl(String filter, @Nullable Long articleId, int number) {
        return QueueView.queueUrl(filter, articleId, number);
    }

    /** A state name, ZGLOSZONE, or empty (all); anything else means all. */
    private static String normaliseFilter(String state) {
        String s = state.strip().toUpperCase(Locale.ROOT);
        if (s.equals(QueueView.REPORTED)) {
            return s;
        }
        for (CommentState known : CommentState.values()) {
            if (known.name().equals(s)) {
                return s;
            }
        }
        return "";
    }

    private static @Nullable Long articleId(@Nullable String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.parseLong(value.strip()) : null;
    }

    private static String cut(@Nullable String value) {
        String v = value == null ? "" : value;
        return v.length() > 20_000 ? v.substring(0, 20_000) : v;
    }
}
