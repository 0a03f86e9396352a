package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * An action of the national programme within a direction.
 *
 * @param code a code unique in the programme, such as {@code I.4.1}
 * @param rowVersion as in {@link DirectionForm}
 */
public record NationalActionForm(
        @NotBlank(message = "monitoring.national.code.required")
        @Pattern(regexp = NationalForms.CODE, message = "monitoring.national.code.invalid")
        @Text(max = 24)
        @Nullable
        String code,

        @NotBlank(message = "monitoring.national.namePl.required") @Text(max = 600) @Nullable
        String namePl,

        @NotBlank(message = "monitoring.national.nameEn.required") @Text(max = 600) @Nullable
        String nameEn,

        @NotNull(message = "monitoring.national.position.required")
        @Min(value = 0, message = "monitoring.national.position.range")
        @Max(value = 999, message = "monitoring.national.position.range")
        @Nullable
        Integer position,

        @Nullable Integer rowVersion) {}
