package pl.koordes.notifications;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The preferences page's form: for each optional kind ({@code delivery[event-reminder]=DIGEST}) how it is
 * received, and the hour of the daily digest (Europe/Warsaw). Kinds it does not name keep their current
 * setting; essential kinds and unknown names are ignored (they cannot be changed). {@code digest} switches the daily
 * digest e-mail on or off as a whole (off: what would go in it stays in the application); absent, it stays as is.
 */
public record PreferencesForm(
        @Nullable Map<String, Delivery> delivery,
        @Nullable Integer digestHour,
        @Nullable Boolean digest) implements CrossFieldRules {

    /** The form without the digest switch (it keeps its state). */
    public PreferencesForm(@Nullable Map<String, Delivery> delivery, @Nullable Integer digestHour) {
        this(delivery, digestHour, null);
    }

    public Map<String, Delivery> deliveries() {
        return delivery == null ? Map.of() : delivery;
    }

    @Override
    public void checkTogether(Errors errors) {
        if (digestHour == null) {
            errors.rejectValue("digestHour", "notifications.preferences.digestHour.required");
        } else if (digestHour < 0 || digestHour > 23) {
            errors.rejectValue("digestHour", "notifications.preferences.digestHour.invalid");
        }
        for (var chosen : deliveries().entrySet()) {
            NotificationKind.ofKey(chosen.getKey())
                    .filter(kind -> !kind.hasOwnMail() && chosen.getValue() == Delivery.EMAIL)
                    .ifPresent(kind ->
                            errors.rejectValue("delivery[" + kind.key() + "]", "notifications.preferences.noOwnMail"));
        }
    }
}
