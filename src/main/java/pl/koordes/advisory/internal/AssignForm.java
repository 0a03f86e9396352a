package pl.koordes.advisory.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * Experts the operator assigns to a case.
 *
 * @param expertIds the accounts chosen; at least one
 * @param version the case's row version the chooser was read at: a case changed meanwhile (another operator
 *     assigned someone) is refused as a conflict, with the choice kept
 */
public record AssignForm(
        @Nullable List<Long> expertIds, @Nullable Integer version) implements CrossFieldRules {

    public static AssignForm of(int version) {
        return new AssignForm(List.of(), version);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (chosen().isEmpty()) {
            errors.rejectValue("expertIds", "advisory.assignment.experts.required");
        }
    }

    public List<Long> chosen() {
        return expertIds == null ? List.of() : expertIds;
    }

    /** The same choice read against a newer version of the case (shown again after a conflict). */
    public AssignForm at(int newVersion) {
        return new AssignForm(expertIds, newVersion);
    }
}
