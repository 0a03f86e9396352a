package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/** A new limit of hours for an accepted case; not below the hours already counted ({@link AssignmentManagement}). */
public record LimitForm(@Nullable BigDecimal hoursLimit) implements CrossFieldRules {

    @Override
    public void checkTogether(Errors errors) {
        AssignmentHours.check(errors, "hoursLimit", hoursLimit);
    }
}
