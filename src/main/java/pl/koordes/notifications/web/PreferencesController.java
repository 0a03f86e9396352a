package pl.koordes.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.notifications.Delivery;
import pl.koordes.notifications.PreferencesForm;
import pl.koordes.notifications.internal.Preferences;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The signed-in person's notification preferences ({@code /konto/powiadomienia}): for each optional kind an
 * e-mail at once, the daily digest or only the application, and the digest's hour; essential kinds are listed
 * as always e-mailed. Saving is idempotent (the same choices again change nothing) and audited.
 */
@Controller
class PreferencesController {

    static final String PATH = "/konto/powiadomienia";

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping(PATH)
    String page(CurrentUser user, @RequestParam(name = "zapisano", required = false) String saved, Model model) {
        Preferences.Settings settings = preferences.settings(user.id());
        return view(
                model,
                settings.deliveries(),
                settings.digestHour(),
                settings.digest(),
                FormErrors.none(),
                saved != null);
    }

    @PostMapping(PATH)
    String save(
            CurrentUser user,
            @Valid PreferencesForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    preferences.save(user.id(), form);
                    return "redirect:" + PATH + "?zapisano";
                },
                errors -> {
                    // The form as sent, over what is stored, so nothing typed is lost.
                    Preferences.Settings stored = preferences.settings(user.id());
                    Map<NotificationKind, Delivery> shown = new EnumMap<>(stored.deliveries());
                    form.deliveries()
                            .forEach((key, delivery) -> NotificationKind.ofKey(key)
                                    .filter(kind -> !kind.essential() && delivery != null)
                                    .ifPresent(kind -> shown.put(kind, delivery)));
                    Integer hour = form.digestHour();
                    return view(
                            model,
                            shown,
                            hour != null && hour >= 0 && hour <= 23 ? hour : stored.digestHour(),
                            form.digest() == null ? stored.digest() : form.digest(),
                            errors,
                            false);
                });
    }

    private static String view(
            Model model,
            Map<NotificationKind, Delivery> deliveries,
            int hour,
            boolean digest,
            FormErrors errors,
            boolean saved) {
        model.addAttribute("groups", List.of(NotificationKind.Group.values()));
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("digestHour", hour);
        model.addAttribute("digest", digest);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "notifications/preferences";
    }
}
