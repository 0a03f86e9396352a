package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.internal.InstitutionForm;
import pl.koordes.directory.internal.InstitutionManagement;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** The institutions: a list filtered by region and kind, creating, editing and deleting (after confirmation). */
@Controller
class InstitutionAdminController {

    static final String LIST = "/admin/katalog/instytucje";
    private static final String NEW = LIST + "/nowa";

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final InstitutionManagement institutions;
    private final DirectoryAdminProperties properties;

    InstitutionAdminController(
            AdminDirectory directory,
            Directory publicDirectory,
            InstitutionManagement institutions,
            DirectoryAdminProperties properties) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.institutions = institutions;
        this.properties = properties;
    }

    /** Filters and page numbers are read leniently: anything unrecognised means no filter, page 1. */
    @GetMapping(LIST)
    String list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        Long regionFilter = InstitutionPage.NO_REGION.equals(region) ? Long.valueOf(0) : positive(region);
        InstitutionKind kindFilter = Arrays.stream(InstitutionKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(null);
        Long pageNumber = positive(page);
        int number = pageNumber == null ? 1 : (int) Math.min(pageNumber, Integer.MAX_VALUE);
        model.addAttribute(
                "institutions", directory.institutions(regionFilter, kindFilter, number, properties.pageSize()));
        model.addAttribute("regions", publicDirectory.regions());
        return "directory/admin/institutions";
    }

    @GetMapping(NEW)
    String newForm(@RequestParam(required = false) @Nullable String region, Model model) {
        return show(model, null, InstitutionForm.inRegion(positive(region)), FormErrors.none());
    }

    @PostMapping(NEW)
    String create(
            @Valid InstitutionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = institutions.createInstitution(form);
                    redirect.addFlashAttribute("notice", "directory.admin.institution.created");
                    return "redirect:" + LIST + "/" + id;
                },
                errors -> show(model, null, form, errors));
    }

    @GetMapping(LIST + "/{id}")
    String form(@PathVariable long id, Model model) {
        return show(model, id, institution(id), FormErrors.none());
    }

    @PostMapping(LIST + "/{id}")
    String save(
            @PathVariable long id,
            @Valid InstitutionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        institution(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    institutions.editInstitution(id, form);
                    redirect.addFlashAttribute("notice", "directory.admin.institution.saved");
                    return "redirect:" + LIST + "/" + id;
                },
                errors -> show(model, id, form, errors));
    }

    @GetMapping(LIST + "/{id}/usun")
    String confirmDelete(@PathVariable long id, Model model) {
        return confirmation(
                model,
                id,
                institution(id),
                institutions.institutionInUse(id) ? "directory.admin.institution.inUse" : null);
    }

    @PostMapping(LIST + "/{id}/usun")
    String delete(
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        InstitutionForm stored = institution(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + LIST + "/" + id + "/usun";
        }
        try {
            institutions.deleteInstitution(id);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return confirmation(model, id, stored, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "directory.admin.institution.deleted");
        return "redirect:" + LIST;
    }

    private String confirmation(Model model, long id, InstitutionForm institution, @Nullable String refusal) {
        Confirmation confirmation = Confirmation.of(
                        LIST + "/" + id + "/usun",
                        LIST + "/" + id,
                        "directory.admin.institution.deleteTitle",
                        "directory.admin.institution.deleteConfirm")
                .subject(institution.name())
                .consequence("directory.admin.institution.deleteWarning");
        model.addAttribute("confirmation", refusal == null ? confirmation : confirmation.refused(refusal));
        return "shared/confirm";
    }

    private InstitutionForm institution(long id) {
        return directory.institution(id).orElseThrow(() -> new NotFound("institution", id));
    }

    private String show(Model model, @Nullable Long id, InstitutionForm form, FormErrors errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", publicDirectory.regions());
        return "directory/admin/institution";
    }

    /** A positive whole number, or null for anything else (empty, words, hostile text, overflow). */
    static @Nullable Long positive(@Nullable String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(text);
        return value > 0 ? value : null;
    }
}
