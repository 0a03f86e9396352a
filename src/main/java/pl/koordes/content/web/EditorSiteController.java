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
import pl.koordes.content.QuoteForm;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.content.internal.SiteManagement;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Editors manage the motto quotes (which one is featured, which take turns) and the patrons and partners. */
@Controller
class EditorSiteController {

    private final ContentPermissions permissions;
    private final SiteContent site;
    private final SiteManagement management;

    EditorSiteController(ContentPermissions permissions, SiteContent site, SiteManagement management) {
        this.permissions = permissions;
        this.site = site;
        this.management = management;
    }

    @GetMapping("/redakcja/motta")
    String quotes(CurrentUser user, Model model) {
        permissions.requireEditor(Optional.of(user));
        return showQuotes(model, new QuoteForm("", ""), FormErrors.none());
    }

    @PostMapping("/redakcja/motta")
    String addQuote(
            CurrentUser user,
            @Valid QuoteForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.addQuote(form);
                    redirect.addFlashAttribute("notice", "content.quote.added");
                    return "redirect:/redakcja/motta";
                },
                errors -> showQuotes(model, form, errors));
    }

    @PostMapping("/redakcja/motta/{id}/wyroznij")
    String featureQuote(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        return quoteDone(management.featureQuote(id), redirect);
    }

    @PostMapping("/redakcja/motta/{id}/ukryj")
    String toggleQuote(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        return quoteDone(management.toggleQuote(id), redirect);
    }

    /** Asks before deleting a quote. */
    @GetMapping("/redakcja/motta/{id}/usun")
    String confirmDeleteQuote(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.Quote quote = site.quotes().stream()
                .filter(q -> q.id() == id)
                .findFirst()
                .orElseThrow(EditorArticleController::notFound);
        Confirmation confirmation = Confirmation.of(
                        "/redakcja/motta/" + id + "/usun",
                        "/redakcja/motta",
                        "content.confirm.quote.title",
                        "content.confirm.quote.button")
                .subject("„" + quote.text() + "” — " + quote.source());
        if (quote.featured()) {
            confirmation = confirmation.consequence("content.confirm.quote.featured");
        } else if (quote.active()) {
            confirmation = confirmation.consequence("content.confirm.quote.rotating");
        }
        model.addAttribute("confirmation", confirmation.consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping("/redakcja/motta/{id}/usun")
    String deleteQuote(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        if (!Confirmation.given(confirmed)) {
            return "redirect:/redakcja/motta/" + id + "/usun";
        }
        return quoteDone(management.deleteQuote(id), redirect);
    }

    @GetMapping("/redakcja/partnerzy")
    String partners(CurrentUser user, Model model) {
        permissions.requireEditor(Optional.of(user));
        return showPartners(model, new PartnerForm("PARTNER", "", "", ""), FormErrors.none());
    }

    @PostMapping("/redakcja/partnerzy")
    String addPartner(
            CurrentUser user,
            @Valid PartnerForm form,
            BindingResult result,
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    addPartner(form, logo, user);
                    redirect.addFlashAttribute("notice", "content.partner.added");
                    return "redirect:/redakcja/partnerzy";
                },
                errors -> showPartners(model, form, errors));
    }

    /** Asks before deleting a patron or partner: it leaves the site's footer and pages. */
    @GetMapping("/redakcja/partnerzy/{id}/usun")
    String confirmDeletePartner(CurrentUser user, @PathVariable long id, Model model) {
        permissions.requireEditor(Optional.of(user));
        SiteContent.Partner partner = site.partners().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(EditorArticleController::notFound);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                "/redakcja/partnerzy/" + id + "/usun",
                                "/redakcja/partnerzy",
                                "content.confirm.partner.title",
                                "content.confirm.partner.button")
                        .subject(partner.name())
                        .consequence("content.confirm.partner.gone")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping("/redakcja/partnerzy/{id}/usun")
    String deletePartner(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        permissions.requireEditor(Optional.of(user));
        if (!Confirmation.given(confirmed)) {
            return "redirect:/redakcja/partnerzy/" + id + "/usun";
        }
        if (!management.deletePartner(id)) {
            throw EditorArticleController.notFound();
        }
        redirect.addFlashAttribute("notice", "content.partner.deleted");
        return "redirect:/redakcja/partnerzy";
    }

    /** The logo is checked as any picture; its refusal, and a file that cannot be read, belong beside the logo field. */
    private void addPartner(PartnerForm form, @Nullable MultipartFile logo, CurrentUser user) {
        try {
            management.addPartner(
                    form,
                    logo == null ? null : logo.getBytes(),
                    logo == null ? null : logo.getOriginalFilename(),
                    user.displayName());
        } catch (Refused refused) {
            throw Refused.field("logo", refused.messageKey());
        } catch (IOException e) {
            throw Refused.field("logo", "content.image.file.broken");
        }
    }

    private String quoteDone(boolean found, RedirectAttributes redirect) {
        if (!found) {
            throw EditorArticleController.notFound();
        }
        redirect.addFlashAttribute("notice", "content.quote.saved");
        return "redirect:/redakcja/motta";
    }

    private String showQuotes(Model model, QuoteForm form, FormErrors errors) {
        model.addAttribute("quotes", site.quotes());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "content/editor/quotes";
    }

    private String showPartners(Model model, PartnerForm form, FormErrors errors) {
        model.addAttribute("partners", site.partners());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "content/editor/partners";
    }
}
