package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
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
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.directory.InstitutionForm;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.web.FormErrors;

/** The institutions: a list filtered by region and kind, creating, editing and deleting (after confirmation). */
@Controller
class InstitutionAdminController {

    static final String LIST = "/admin/katalog/instytucje";
    private static final String NEW = LIST + "/nowa";
    private static final List<String> FIELDS = List.of("kind", "name", "regionId", "street", "postalCode", "city", "email",
            "phone", "website");

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final DirectoryEditing editing;
    private final AdminValidation validation;
    private final DirectoryAdminProperties properties;

    InstitutionAdminController(AdminDirectory directory, Directory publicDirectory, DirectoryEditing editing, AdminValidation validation,
            DirectoryAdminProperties properties) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.editing = editing;
        this.validation = validation;
        this.properties = properties;
    }

    /** Filters and page numbers are read leniently: anything unrecognised means no filter, page 1. */
    @GetMapping(LIST)
    String list(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String page, Model model) {
        Long regionFilter = InstitutionPage.NO_REGION.equals(region) ? Long.valueOf(0) : positive(region);
        InstitutionKind kindFilter = Arrays.stream(InstitutionKind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(null);
        Long pageNumber = positive(page);
        int number = pageNumber == null ? 1 : (int) Math.min(pageNumber, Integer.MAX_VALUE);
        model.addAttribute("institutions", directory.institutions(regionFilter, kindFilter, number, properties.pageSize()));
        model.addAttribute("regions", publicDirectory.regions());
        return "directory/admin/institutions";
    }

    @GetMapping(NEW)
    String newForm(@RequestParam(required = false) @Nullable String region, Model model) {
        FormValues form = FormValues.of(new InstitutionForm(null, null, positive(region), null, null, null, null, null, null));
        return show(model, null, form, FormErrors.none());
    }

    @PostMapping(NEW)
    String create(@Valid InstitutionForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, null, FormValues.of(request), validation.errors(InstitutionForm.class, result, request, FIELDS));
        }
        long id;
        try {
            id = editing.createInstitution(form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return show(model, null, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.institution.created");
        return "redirect:" + LIST + "/" + id;
    }

    @GetMapping(LIST + "/{id}")
    String form(@PathVariable long id, Model model) {
        InstitutionForm stored = directory.institution(id).orElseThrow(AdminForms::notFound);
        return show(model, id, FormValues.of(stored), FormErrors.none());
    }

    @PostMapping(LIST + "/{id}")
    String save(@PathVariable long id, @Valid InstitutionForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        directory.institution(id).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, id, FormValues.of(request), validation.errors(InstitutionForm.class, result, request, FIELDS));
        }
        try {
            editing.editInstitution(id, form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return show(model, id, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.institution.saved");
        return "redirect:" + LIST + "/" + id;
    }

    @GetMapping(LIST + "/{id}/usun")
    String confirmDelete(@PathVariable long id, Model model) {
        InstitutionForm stored = directory.institution(id).orElseThrow(AdminForms::notFound);
        return confirmation(model, id, stored, editing.institutionInUse(id) ? "directory.admin.institution.inUse" : null);
    }

    @PostMapping(LIST + "/{id}/usun")
    String delete(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        InstitutionForm stored = directory.institution(id).orElseThrow(AdminForms::notFound);
        try {
            editing.deleteInstitution(id);
        } catch (DirectoryEditing.Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return confirmation(model, id, stored, refused.messageKey());
        }
        redirect.addFlashAttribute("notice", "directory.admin.institution.deleted");
        return "redirect:" + LIST;
    }

    private String confirmation(Model model, long id, InstitutionForm institution, @Nullable String refusal) {
        model.addAttribute("id", id);
        model.addAttribute("institution", institution);
        model.addAttribute("refusal", refusal);
        return "directory/admin/institutionDelete";
    }

    private String show(Model model, @Nullable Long id, FormValues form, FormErrors errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", publicDirectory.regions());
        return "directory/admin/institution";
    }

    /** A positive whole number, or null for anything else (empty, words, hostile text, overflow). */
    static @Nullable Long positive(@Nullable String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long value = Long.parseLong(text);
        return value > 0 ? value : null;
    }
}
