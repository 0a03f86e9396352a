package pl.koordes.content.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.content.NewPageForm;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.NewPages;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Editors add a static page (a contact page, say), in or outside the navigation, with the same preview as a page being changed. */
@Controller
class EditorNewPageController {

    private final ContentPermissions permissions;
    private final NewPages pages;
    private final Markdown markdown;

    EditorNewPageController(ContentPermissions permissions, NewPages pages, Markdown markdown) {
        this.permissions = permissions;
        this.pages = pages;
        this.markdown = markdown;
    }

    @GetMapping("/redakcja/strony/nowa")
    String form(CurrentUser user, Model model) {
        permissions.requireEditor(Optional.of(user));
        return show(model, NewPageForm.empty(), FormErrors.none(), null, null);
    }

    @PostMapping("/redakcja/strony/nowa")
    String create(
            CurrentUser user,
            @Valid NewPageForm form,
            BindingResult result,
            @RequestParam(name = EditorArticleController.ACTION, required = false) @Nullable String action,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        if (EditorArticleController.PREVIEW.equals(action)) {
            return show(
                    model,
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
                    long id = pages.create(form);
                    redirect.addFlashAttribute("notice", "content.editor.page.created");
                    return "redirect:/redakcja/strony/" + id;
                },
                errors -> show(model, form, errors, null, null));
    }

    private String show(
            Model model, NewPageForm form, FormErrors errors, @Nullable String preview, @Nullable String previewEn) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", preview);
        model.addAttribute("previewEn", previewEn);
        return "content/editor/newPage";
    }
}
