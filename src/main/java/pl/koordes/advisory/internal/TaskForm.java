package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A follow-up task: what is to be done, by whom (an account of the case's region or its experts, chosen from
 * the list, or a name typed for someone without an account) and by when. {@link SessionManagement} checks that
 * the account chosen is one the case offers.
 */
public record TaskForm(
        @NotBlank(message = "advisory.sessions.task.description.required") @Text(max = 2000, multiline = true) @Nullable
        String description,

        @Nullable Long ownerId,

        @Text(max = 200) @Nullable String ownerName,

        @NotNull(message = "advisory.sessions.task.dueOn.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate dueOn)
        implements CrossFieldRules {

    public static TaskForm empty() {
        return new TaskForm("", null, "", null);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (ownerId == null && ownerName().isEmpty()) {
            errors.rejectValue("ownerName", "advisory.sessions.task.owner.required");
        }
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    @Override
    public String ownerName() {
        return ownerName == null ? "" : ownerName;
    }
}
