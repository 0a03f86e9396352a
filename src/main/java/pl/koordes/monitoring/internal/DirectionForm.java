package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * A direction of the national programme as an administrator enters it.
 *
 * @param code a short code unique in the programme, such as {@code I.4}
 * @param position the place in its area's list, lower first
 * @param rowVersion the version of the direction the form was shown with (null for a new one): saving a
 *     form shown before someone else's change is refused, so nothing is overwritten unseen
 */
public record DirectionForm(
        @NotBlank(message = "monitoring.national.code.required")
        @Pattern(regexp = NationalForms.CODE, message = "monitoring.national.code.invalid")
        @Text(max = 16)
        @Nullable
        String code,

        @NotBlank(message = "monitoring.national.namePl.required") @Text(max = 400) @Nullable
        String namePl,

        @NotBlank(message = "monitoring.national.nameEn.required") @Text(max = 400) @Nullable
        String nameEn,

        @Text(max = 4000, multiline = true) @Nullable String description,

        @NotNull(message = "monitoring.national.position.required")
        @Min(value = 0, message = "monitoring.national.position.range")
        @Max(value = 999, message = "monitoring.national.position.range")
        @Nullable
        Integer position,

        @Nullable Integer rowVersion) {}
