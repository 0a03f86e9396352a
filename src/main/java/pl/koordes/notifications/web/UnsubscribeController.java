package pl.koordes.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.notifications.Unsubscribed;
import pl.koordes.notifications.internal.Unsubscribes;

/**
 * The unsubscribe link of an e-mail, without signing in ({@code /wypisz/<token>}; the token is signed, see
 * {@code UnsubscribeTokens}). GET only shows what would stop and a button (mail scanners follow links, so a GET
 * never changes anything); the button's POST turns the kind off and shows what changed. A POST with the body
 * {@code List-Unsubscribe=One-Click} is a mail client's RFC 8058 one-click: it turns the kind off and answers 204
 * without a page. Both are exempt from CSRF (the mail client has no token; the signed token in the path is the
 * proof) and idempotent. A forged, changed or foreign token gets a Polish page with 404, never more.
 */
@Controller
class UnsubscribeController {

    static final String PATH = "/wypisz/{token}";

    /** RFC 8058: the one-click POST's only field and value. */
    static final String ONE_CLICK_FIELD = "List-Unsubscribe";

    static final String ONE_CLICK_VALUE = "One-Click";

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping(PATH)
    String page(
            @PathVariable String token,
            @RequestParam(name = "wypisano", required = false) String done,
            Model model,
            HttpServletResponse response) {
        noStore(response);
        Optional<Unsubscribes.State> state = unsubscribes.state(token);
        if (state.isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("unsubscribe", state.get());
        model.addAttribute("token", token);
        model.addAttribute("done", done != null && !state.get().on());
        return "notifications/unsubscribe";
    }

    @PostMapping(path = PATH, params = ONE_CLICK_FIELD)
    ResponseEntity<Void> oneClick(@PathVariable String token, @RequestParam(ONE_CLICK_FIELD) String value) {
        if (!ONE_CLICK_VALUE.equals(value)) {
            return ResponseEntity.badRequest().build();
        }
        return unsubscribes
                .unsubscribe(token, Unsubscribed.ONE_CLICK)
                .map(changed -> ResponseEntity.noContent()
                        .header(
                                HttpHeaders.CACHE_CONTROL,
                                CacheControl.noStore().getHeaderValue())
                        .<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping(PATH)
    String confirm(@PathVariable String token, HttpServletResponse response) {
        noStore(response);
        if (unsubscribes.unsubscribe(token, Unsubscribed.LINK).isEmpty()) {
            return invalid(response);
        }
        return "redirect:/wypisz/" + token + "?wypisano";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "notifications/unsubscribeInvalid";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader("X-Robots-Tag", "noindex");
    }
}
