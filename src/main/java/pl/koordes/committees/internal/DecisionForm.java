package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import pl.koordes.committees.AbsenceDecision;
import pl.koordes.shared.text.Text;

/** The marshal's decision on a flagged member, as the secretary records it: what, on which day, a note. */
public record DecisionForm(
        @NotNull(message = "committees.meetings.decision.required") @Nullable
        AbsenceDecision decision,

        @NotNull(message = "committees.meetings.decisionDate.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate decisionDate,

        @Text(max = 2000, multiline = true) @Nullable String decisionNote) {

    public static DecisionForm empty() {
        return new DecisionForm(null, null, "");
    }

    @Nullable
    String noteText() {
        return decisionNote == null || decisionNote.isBlank() ? null : decisionNote;
    }
}
