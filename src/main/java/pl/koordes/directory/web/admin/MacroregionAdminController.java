package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.directory.MacroregionForm;
import pl.koordes.shared.web.FormErrors;

/** Creating and editing macroregions; a macroregion's page lists its regions, which are moved by editing them. */
@Controller
class MacroregionAdminController {

    private static final String NEW = "/admin/katalog/makroregiony/nowy";
    private static final List<String> FIELDS = List.of("code", "namePl", "nameEn", "sortOrder");

    private final AdminDirectory directory;
    private final DirectoryEditing editing;
    private final AdminValidation validation;

    MacroregionAdminController(AdminDirectory directory, DirectoryEditing editing, AdminValidation validation) {
        this.directory = directory;
        this.editing = editing;
        this.validation = validation;
    }

    @GetMapping(NEW)
    String newForm(Model model) {
        int next = directory.macroregions().stream().mapToInt(MacroregionRow::sortOrder).max().orElse(0) + 1;
        return show(model, null, FormValues.of(new MacroregionForm(null, null, null, Math.min(next, 999))), FormErrors.none());
    }

    @PostMapping(NEW)
    String create(@Valid MacroregionForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, null, FormValues.of(request), validation.errors(MacroregionForm.class, result, request, FIELDS));
        }
        long id;
        try {
            id = editing.createMacroregion(form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return show(model, null, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.macroregion.created");
        return "redirect:/admin/katalog/makroregiony/" + id;
    }

    @GetMapping("/admin/katalog/makroregiony/{id}")
    String form(@PathVariable long id, Model model) {
        MacroregionRow macroregion = directory.macroregion(id).orElseThrow(AdminForms::notFound);
        return show(model, macroregion, FormValues.of(AdminDirectory.form(macroregion)), FormErrors.none());
    }

    @PostMapping("/admin/katalog/makroregiony/{id}")
    String save(@PathVariable long id, @Valid MacroregionForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        MacroregionRow macroregion = directory.macroregion(id).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, macroregion, FormValues.of(request), validation.errors(MacroregionForm.class, result, request, FIELDS));
        }
        try {
            editing.editMacroregion(id, form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return show(model, macroregion, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.macroregion.saved");
        return "redirect:/admin/katalog/makroregiony/" + id;
    }

    private String show(Model model, @Nullable MacroregionRow macroregion, FormValues form, FormErrors errors) {
        model.addAttribute("macroregion", macroregion);
        model.addAttribute("regions", macroregion == null ? List.of() : directory.regionsOf(macroregion.macroregion().id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/admin/macroregion";
    }
}
