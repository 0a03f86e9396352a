package pl.koordes.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The privacy policy; its text moves to editable pages when the content module arrives. */
@Controller
class PrivacyController {

    @GetMapping("/prywatnosc")
    String privacy() {
        return "accounts/privacy";
    }
}
