package pl.koordes.directory.web.admin;

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
import pl.koordes.directory.internal.MacroregionForm;
import pl.koordes.directory.internal.RegionManagement;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Creating and editing macroregions; a macroregion's page lists its regions, which are moved by editing them. */
@Controller
class MacroregionAdminController {

    private static final String NEW = "/admin/katalog/makroregiony/nowy";

    private final AdminDirectory directory;
    private final RegionManagement regions;

    MacroregionAdminController(AdminDirectory directory, RegionManagement regions) {
        this.directory = directory;
        this.regions = regions;
    }

    @GetMapping(NEW)
    String newForm(Model model) {
        int next = directory.macroregions().stream()
                        .mapToInt(MacroregionRow::sortOrder)
                        .max()
                        .orElse(0)
                + 1;
        return show(model, null, new MacroregionForm(null, null, null, Math.min(next, 999)), FormErrors.none());
    }

    @PostMapping(NEW)
    String create(
            @Valid MacroregionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = regions.createMacroregion(form);
                    redirect.addFlashAttribute("notice", "directory.admin.macroregion.created");
                    return "redirect:/admin/katalog/makroregiony/" + id;
                },
                errors -> show(model, null, form, errors));
    }

    @GetMapping("/admin/katalog/makroregiony/{id}")
    String form(@PathVariable long id, Model model) {
        MacroregionRow macroregion = macroregion(id);
        return show(model, macroregion, AdminDirectory.form(macroregion), FormErrors.none());
    }

    @PostMapping("/admin/katalog/makroregiony/{id}")
    String save(
            @PathVariable long id,
            @Valid MacroregionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        MacroregionRow macroregion = macroregion(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    regions.editMacroregion(id, form);
                    redirect.addFlashAttribute("notice", "directory.admin.macroregion.saved");
                    return "redirect:/admin/katalog/makroregiony/" + id;
                },
                errors -> show(model, macroregion, form, errors));
    }

    private MacroregionRow macroregion(long id) {
        return directory.macroregion(id).orElseThrow(() -> new NotFound("macroregion", id));
    }

    private String show(Model model, @Nullable MacroregionRow macroregion, MacroregionForm form, FormErrors errors) {
        model.addAttribute("macroregion", macroregion);
        model.addAttribute(
                "regions",
                macroregion == null
                        ? List.of()
                        : directory.regionsOf(macroregion.macroregion().id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/admin/macroregion";
    }
}
