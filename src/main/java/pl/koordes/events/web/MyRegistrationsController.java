package pl.koordes.events.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.shared.security.CurrentUser;

/** "Moje zapisy": the signed-in person's registrations, upcoming and past, each cancellable in one step. */
@Controller
class MyRegistrationsController {

    private final EventRegistrations registrations;

    MyRegistrationsController(EventRegistrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/konto/zapisy")
    String mine(CurrentUser user, Model model) {
        model.addAttribute("registrations", registrations.mine(user));
        return "events/mine";
    }
}
