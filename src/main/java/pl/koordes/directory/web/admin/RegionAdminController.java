package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryEditing;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionForm;
import pl.koordes.shared.web.FormErrors;

/** Editing a region: its names, seat and macroregion (which is how regions move between macroregions). */
@Controller
class RegionAdminController {

    private static final List<String> FIELDS = List.of("namePl", "nameEn", "seat", "macroregionId");

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final DirectoryEditing editing;
    private final AdminValidation validation;

    RegionAdminController(AdminDirectory directory, Directory publicDirectory, DirectoryEditing editing, AdminValidation validation) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.editing = editing;
        this.validation = validation;
    }

    @GetMapping("/admin/katalog/regiony/{id}")
    String form(@PathVariable long id, Model model) {
        Region region = directory.region(id).orElseThrow(AdminForms::notFound);
        RegionForm form = new RegionForm(region.namePl(), region.nameEn(), region.seat(), region.macroregion().id());
        return show(model, region, FormValues.of(form), FormErrors.none());
    }

    @PostMapping("/admin/katalog/regiony/{id}")
    String save(@PathVariable long id, @Valid RegionForm form, BindingResult result, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Region region = directory.region(id).orElseThrow(AdminForms::notFound);
        if (result.hasErrors()) {
            AdminForms.unprocessable(response);
            return show(model, region, FormValues.of(request), validation.errors(RegionForm.class, result, request, FIELDS));
        }
        try {
            editing.editRegion(id, form);
        } catch (DirectoryEditing.Refused refused) {
            AdminForms.unprocessable(response);
            return show(model, region, FormValues.of(request), AdminForms.errors(refused));
        }
        redirect.addFlashAttribute("notice", "directory.admin.region.saved");
        return "redirect:/admin/katalog/regiony/" + id;
    }

    private String show(Model model, Region region, FormValues form, FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("macroregions", publicDirectory.macroregions());
        return "directory/admin/region";
    }
}
