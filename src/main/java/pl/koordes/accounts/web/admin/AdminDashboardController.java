package pl.koordes.accounts.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.accounts.PeopleManagement;

/** The start of the administration panel: links to its sections and a count of people by status. */
@Controller
class AdminDashboardController {

    private final PeopleManagement people;

    AdminDashboardController(PeopleManagement people) {
        this.people = people;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        model.addAttribute("counts", people.countByStatus());
        return "accounts/admin/dashboard";
    }
}
