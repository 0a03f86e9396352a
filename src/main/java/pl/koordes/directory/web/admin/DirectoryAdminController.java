package pl.koordes.directory.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The directory's administration overview: regions with their macroregion and committee, macroregions, committees. */
@Controller
class DirectoryAdminController {

    static final String OVERVIEW = "/admin/katalog";

    private final AdminDirectory directory;

    DirectoryAdminController(AdminDirectory directory) {
        this.directory = directory;
    }

    @GetMapping(OVERVIEW)
    String overview(Model model) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("macroregions", directory.macroregions());
        model.addAttribute("committees", directory.committees());
        return "directory/admin/overview";
    }
}
