package pl.koordes.directory.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.directory.internal.RegionForm;
import pl.koordes.directory.internal.RegionManagement;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/** Editing a region: its names, seat and macroregion (which is how regions move between macroregions). */
@Controller
class RegionAdminController {

    private final AdminDirectory directory;
    private final Directory publicDirectory;
    private final RegionManagement regions;

    RegionAdminController(AdminDirectory directory, Directory publicDirectory, RegionManagement regions) {
        this.directory = directory;
        this.publicDirectory = publicDirectory;
        this.regions = regions;
    }

    @GetMapping("/admin/katalog/regiony/{id}")
    String form(@PathVariable long id, Model model) {
        Region region = region(id);
        RegionForm form = new RegionForm(
                region.namePl(),
                region.nameEn(),
                region.seat(),
                region.macroregion().id());
        return show(model, region, form, FormErrors.none());
    }

    @PostMapping("/admin/katalog/regiony/{id}")
    String save(
            @PathVariable long id,
            @Valid RegionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = region(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    regions.editRegion(id, form);
                    redirect.addFlashAttribute("notice", "directory.admin.region.saved");
                    return "redirect:/admin/katalog/regiony/" + id;
                },
                errors -> show(model, region, form, errors));
    }

    private Region region(long id) {
        return directory.region(id).orElseThrow(() -> new NotFound("region", id));
    }

    private String show(Model model, Region region, RegionForm form, FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("macroregions", publicDirectory.macroregions());
        return "directory/admin/region";
    }
}
