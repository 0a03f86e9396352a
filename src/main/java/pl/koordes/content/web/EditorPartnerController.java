package pl.koordes.content.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.content.PartnerForm;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.content.internal.SiteManagement;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Editors change a patron or partner in place: its name, kind, link, position and logo. */
@Controller
class EditorPartnerController {

    private final ContentPermissions permissions;
    private final SiteContent site;
    private final SiteManagement management;

    EditorPartnerController(ContentPermissions permissions, SiteContent site, SiteManagement management) {
        this.permissions = permissions;
        this.site = site;
        this.management = management;
    }

    @GetMapping("/redakcja/partnerzy/{id}")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.Partner partner = site.partner(id).orElseThrow(EditorArticleController::notFound);
        PartnerForm form = new PartnerForm(
                partner.kind(),
                partner.name(),
                partner.url() == null ? "" : partner.url(),
                Integer.toString(partner.sortOrder()));
        return show(model, partner, form, FormErrors.none());
    }

    @PostMapping("/redakcja/partnerzy/{id}")
    String save(
            CurrentUser user,
            @PathVariable long id,
            @Valid PartnerForm form,
            BindingResult result,
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
            @RequestParam(name = "removeLogo", defaultValue = "false") boolean removeLogo,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.Partner partner = site.partner(id).orElseThrow(EditorArticleController::notFound);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (!update(id, form, logo, removeLogo, user)) {
                        throw EditorArticleController.notFound();
                    }
                    redirect.addFlashAttribute("notice", "content.partner.saved");
                    return "redirect:/redakcja/partnerzy";
                },
                errors -> show(model, partner, form, errors));
    }

    /** The logo is checked as any picture; its refusal, and a file that cannot be read, belong beside the logo field. */
    private boolean update(
            long id, PartnerForm form, @Nullable MultipartFile logo, boolean removeLogo, CurrentUser user) {
        try {
            return management.updatePartner(
                    id,
                    form,
                    logo == null ? null : logo.getBytes(),
                    logo == null ? null : logo.getOriginalFilename(),
                    removeLogo,
                    user.displayName());
        } catch (Refused refused) {
            throw Refused.field("logo", refused.messageKey());
        } catch (IOException e) {
            throw Refused.field("logo", "content.image.file.broken");
        }
    }

    private String show(Model model, SiteContent.Partner partner, PartnerForm form, FormErrors errors) {
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "content/editor/partner";
    }
}
