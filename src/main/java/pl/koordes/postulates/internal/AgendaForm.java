package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The operator's choice of a national meeting for a postulate's agenda.
 *
 * @param meeting the event's id, from the list of upcoming national meetings
 */
public record AgendaForm(
        @NotNull(message = "postulates.agenda.meeting.required") @Nullable
        Long meeting) {

    public static AgendaForm empty() {
        return new AgendaForm(null);
    }
}
