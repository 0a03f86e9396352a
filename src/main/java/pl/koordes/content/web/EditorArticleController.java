package pl.koordes.content.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.content.ArticleForm;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.EditorArticles;
import pl.koordes.content.internal.Images;
import pl.koordes.content.internal.KeptArticleList;
import pl.koordes.content.internal.RevisionDiff;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Paged;

/**
 * The editors' side of articles: the list in every state, writing with a preview that needs no
 * JavaScript, the history of revisions with a comparison of any two, and restoring one.
 */
@Controller
class EditorArticleController {

    /** The header's "Redakcja" link, for editors and administrators. */
    @Bean
    static HeaderLink editorHeaderLink(ContentPermissions permissions) {
        return HeaderLink.to("/redakcja", "content.editor.link", 40, permissions::canEditArticles);
    }

    /** The name of the submit buttons that do something other than save ({@link #PREVIEW}). */
    static final String ACTION = "akcja";

    static final String PREVIEW = "podglad";

    private final ContentPermissions permissions;
    private final EditorArticles articles;
    private final KeptArticleList list;
    private final ArticleManagement management;
    private final Markdown markdown;
    private final Images images;
    private final ContentProperties properties;

    EditorArticleController(
            ContentPermissions permissions,
            EditorArticles articles,
            KeptArticleList list,
            ArticleManagement management,
            Markdown markdown,
            Images images,
            ContentProperties properties) {
        this.permissions = permissions;
        this.articles = articles;
        this.list = list;
        this.management = management;
        this.markdown = markdown;
        this.images = images;
        this.properties = properties;
    }

    @GetMapping("/redakcja")
    String list(CurrentUser user, @RequestParam(name = "strona", required = false) @Nullable String page, Model model) {
        permissions.requireEditor(Optional.of(user));
        Paged<EditorArticles.Row> paged = list.list(Paged.number(page), properties.pageSize() * 2);
        model.addAttribute("articles", paged);
        return "content/editor/articles";
    }

    @GetMapping("/redakcja/artykuly/nowy")
    String create(CurrentUser user, Model model) {
        permissions.requireEditor(Optional.of(user));
        return show(model, null, ArticleForm.empty(user.displayName()), FormErrors.none(), null, null);
    }

    @GetMapping("/redakcja/artykuly/{id}")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        EditorArticles.Editable article = articles.editable(id).orElseThrow(EditorArticleController::notFound);
        return show(model, article, article.form(), FormErrors.none(), null, null);
    }

    /**
     * Creates an article ({@code nowy}) or saves the one in the address; the preview button shows the
     * form again with the text as readers will see it, saving nothing.
     */
    @PostMapping({"/redakcja/artykuly/nowy", "/redakcja/artykuly/{id}"})
    String save(
            CurrentUser user,
            @PathVariable(required = false) @Nullable Long id,
            @Valid ArticleForm form,
            BindingResult result,
            @RequestParam(name = ACTION, required = false) @Nullable String action,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        EditorArticles.Editable article =
                id == null ? null : articles.editable(id).orElseThrow(EditorArticleController::notFound);
        if (PREVIEW.equals(action)) {
            return show(
                    model,
                    article,
                    form,
                    FormErrors.none(),
                    markdown.toHtml(form.body()),
                    form.bodyEn() == null || form.bodyEn().isBlank() ? null : markdown.toHtml(form.bodyEn()));
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long saved = store(id, form, user);
                    redirect.addFlashAttribute("notice", "content.editor.saved");
                    return "redirect:/redakcja/artykuly/" + saved;
                },
                errors -> show(model, article, form, errors, null, null));
    }

    /** Creates the article, or saves it over the one with this id; answers its id. */
    private long store(@Nullable Long id, ArticleForm form, CurrentUser user) {
        if (id == null) {
            return management.createArticle(form, user.displayName());
        }
        management.updateArticle(id, form, user.displayName());
        return id;
    }

    /** Asks before deleting an article: it goes with all its versions, and its address stops working. */
    @GetMapping("/redakcja/artykuly/{id}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        EditorArticles.Editable article = articles.editable(id).orElseThrow(EditorArticleController::notFound);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                "/redakcja/artykuly/" + id + "/usun",
                                "/redakcja/artykuly/" + id,
                                "content.confirm.delete.title",
                                "content.editor.delete")
                        .subject(article.title())
                        .consequence(
                                "PUBLISHED".equals(article.state())
                                        ? "content.confirm.delete.published"
                                        : "content.confirm.delete.draft")
                        .consequence("content.confirm.delete.revisions", article.revisions())
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping("/redakcja/artykuly/{id}/usun")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        if (!Confirmation.given(confirmed)) {
            return "redirect:/redakcja/artykuly/" + id + "/usun";
        }
        management.deleteArticle(id);
        redirect.addFlashAttribute("notice", "content.editor.deleted");
        return "redirect:/redakcja";
    }

    @GetMapping("/redakcja/artykuly/{id}/historia")
    String history(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = "od", required = false) @Nullable String from,
            @RequestParam(name = "do", required = false) @Nullable String to,
            Model model) {
        permissions.requireEditor(Optional.of(user));
        EditorArticles.Editable article = articles.editable(id).orElseThrow(EditorArticleController::notFound);
        List<EditorArticles.Revision> revisions = articles.revisions(id);
        model.addAttribute("article", article);
        model.addAttribute("revisions", revisions);
        if (from != null || to != null) {
            EditorArticles.Revision older = revisionOf(id, from);
            EditorArticles.Revision newer = revisionOf(id, to);
            model.addAttribute("older", older);
            model.addAttribute("newer", newer);
            model.addAttribute("titleDiff", RevisionDiff.lines(older.title(), newer.title()));
            model.addAttribute("leadDiff", RevisionDiff.lines(older.lead(), newer.lead()));
            model.addAttribute("tagsDiff", RevisionDiff.lines(older.tags(), newer.tags()));
            model.addAttribute("bodyDiff", RevisionDiff.lines(older.body(), newer.body()));
            model.addAttribute("titleEnDiff", RevisionDiff.lines(older.titleEn(), newer.titleEn()));
            model.addAttribute("leadEnDiff", RevisionDiff.lines(older.leadEn(), newer.leadEn()));
            model.addAttribute("bodyEnDiff", RevisionDiff.lines(older.bodyEn(), newer.bodyEn()));
        }
        return "content/editor/history";
    }

    /** Asks before a restore: the article's current text is replaced (it stays in the history). */
    @GetMapping("/redakcja/artykuly/{id}/historia/{number}/przywroc")
    String confirmRestore(CurrentUser user, @PathVariable long id, @PathVariable String number, Model model) {
        permissions.requireEditor(Optional.of(user));
        EditorArticles.Editable article = articles.editable(id).orElseThrow(EditorArticleController::notFound);
        EditorArticles.Revision revision = revisionOf(id, number);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                "/redakcja/artykuly/" + id + "/historia/" + revision.number() + "/przywroc",
                                "/redakcja/artykuly/" + id + "/historia",
                                "content.confirm.restore.title",
                                "content.confirm.restore.button")
                        .subject(article.title())
                        .consequence("content.confirm.restore.replaced", revision.number(), revision.title())
                        .consequence(
                                "PUBLISHED".equals(article.state())
                                        ? "content.confirm.restore.published"
                                        : "content.confirm.restore.draft")
                        .consequence("content.confirm.restore.kept"));
        return "shared/confirm";
    }

    @PostMapping("/redakcja/artykuly/{id}/historia/{number}/przywroc")
    String restore(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable int number,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        if (!Confirmation.given(confirmed)) {
            return "redirect:/redakcja/artykuly/" + id + "/historia/" + number + "/przywroc";
        }
        try {
            management.restoreRevision(id, number, user.displayName());
        } catch (Refused refused) {
            redirect.addFlashAttribute("notice", refused.messageKey());
            return "redirect:/redakcja/artykuly/" + id + "/historia";
        }
        redirect.addFlashAttribute("notice", "content.editor.restored");
        return "redirect:/redakcja/artykuly/" + id;
    }

    private EditorArticles.Revision revisionOf(long id, @Nullable String number) {
        if (number == null || !number.matches("\\d{1,6}")) {
            throw notFound();
        }
        return articles.revision(id, Integer.parseInt(number)).orElseThrow(EditorArticleController::notFound);
    }

    private String show(
            Model model,
            EditorArticles.@Nullable Editable article,
            ArticleForm form,
            FormErrors errors,
            @Nullable String preview,
            @Nullable String previewEn) {
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("previewEn", previewEn);
        model.addAttribute("images", images.list(1, 50).items());
        return "content/editor/article";
    }

    static NotFound notFound() {
        return new NotFound("content", "");
    }
}
