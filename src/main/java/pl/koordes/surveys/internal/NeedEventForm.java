package pl.koordes.surveys.internal;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * Linking an existing event to a need: one chosen from the list, or its number typed (for an event not among
 * the latest).
 *
 * @param eventId the event chosen from the list
 * @param eventNumber the event's number typed instead
 */
public record NeedEventForm(
        @Nullable Long eventId,

        @Min(value = 1, message = "surveys.needs.event.number.invalid") @Nullable
        Long eventNumber)
        implements CrossFieldRules {

    public static NeedEventForm empty() {
        return new NeedEventForm(null, null);
    }

    /** The event meant: the typed number wins over the list. */
    public @Nullable Long event() {
        return eventNumber != null ? eventNumber : eventId;
    }

    @Override
    public void checkTogether(Errors errors) {
        if (event() == null && !errors.hasFieldErrors("eventNumber")) {
            errors.rejectValue("eventId", "surveys.needs.event.required");
        }
    }
}
