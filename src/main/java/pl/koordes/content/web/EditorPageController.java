package pl.koordes.content.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.content.SitePageForm;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.content.internal.SitePageManagement;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Editors change the static pages' text and their position in the navigation, with the same preview as articles. */
@Controller
class EditorPageController {

    private final ContentPermissions permissions;
    private final SiteContent site;
    private final SitePageManagement management;
    private final Markdown markdown;

    EditorPageController(
            ContentPermissions permissions, SiteContent site, SitePageManagement management, Markdown markdown) {
        this.permissions = permissions;
        this.site = site;
        this.management = management;
        this.markdown = markdown;
    }

    @GetMapping("/redakcja/strony")
    String list(CurrentUser user, Model model) {
        permissions.requireEditor(Optional.of(user));
        model.addAttribute("pages", site.pages());
        return "content/editor/pages";
    }

    @GetMapping("/redakcja/strony/{id}")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.SitePage page = site.page(id).orElseThrow(EditorArticleController::notFound);
        SiteContent.PageMarkdown text = site.pageMarkdown(id).orElse(new SiteContent.PageMarkdown("", ""));
        SitePageForm form = new SitePageForm(
                page.title(),
                page.lead(),
                text.polish(),
                page.titleEn(),
                page.leadEn(),
                text.english(),
                page.navPlace() == null ? "" : page.navPlace(),
                page.navOrder() == null ? "" : page.navOrder().toString());
        return show(model, page, form, FormErrors.none(), null, null);
    }

    @PostMapping("/redakcja/strony/{id}")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @Valid SitePageForm form,
            BindingResult result,
            @RequestParam(name = EditorArticleController.ACTION, required = false) @Nullable String action,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.SitePage page = site.page(id).orElseThrow(EditorArticleController::notFound);
        if (EditorArticleController.PREVIEW.equals(action)) {
            return show(
                    model,
                    page,
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
                    management.updatePage(id, form);
                    redirect.addFlashAttribute("notice", "content.editor.page.saved");
                    return "redirect:/redakcja/strony/" + id;
                },
                errors -> show(model, page, form, errors, null, null));
    }

    private String show(
            Model model,
            SiteContent.SitePage page,
            SitePageForm form,
            FormErrors errors,
            @Nullable String preview,
            @Nullable String previewEn) {
        model.addAttribute("sitePage", page);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("previewEn", previewEn);
        return "content/editor/page";
    }
}
