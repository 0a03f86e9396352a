package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The operator's decision on a submitted request: accept with a limit of hours (and, optionally, experts at
 * once) or decline with a reason the region reads.
 *
 * @param hoursLimit required when accepting; above zero, to the quarter hour
 * @param decisionReason required when declining
 * @param expertIds experts to assign when accepting; may be empty
 */
public record DecisionForm(
        @NotNull(message = "advisory.assignment.decision.required") @Nullable
        Decision decision,

        @Nullable BigDecimal hoursLimit,
        @Text(max = 4000, multiline = true) @Nullable String decisionReason,
        @Nullable List<Long> expertIds)
        implements CrossFieldRules {

    /** Accept or decline. */
    public enum Decision {
        ACCEPT,
        DECLINE
    }

    public static DecisionForm empty() {
        return new DecisionForm(null, null, "", List.of());
    }

    @Override
    public void checkTogether(Errors errors) {
        if (decision == Decision.ACCEPT) {
            AssignmentHours.check(errors, "hoursLimit", hoursLimit);
        } else if (decision == Decision.DECLINE
                && (decisionReason == null || decisionReason.isBlank())
                && !errors.hasFieldErrors("decisionReason")) {
            errors.rejectValue("decisionReason", "advisory.assignment.reason.required");
        }
    }

    public List<Long> chosen() {
        return expertIds == null ? List.of() : expertIds;
    }

    public String reasonText() {
        return decisionReason == null ? "" : decisionReason;
    }
}
