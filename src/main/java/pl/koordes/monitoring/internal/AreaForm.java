package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** An area of the national programme renamed by an administrator (the four areas themselves stay). */
public record AreaForm(
        @NotBlank(message = "monitoring.national.namePl.required") @Text(max = 300) @Nullable
        String namePl,

        @NotBlank(message = "monitoring.national.nameEn.required") @Text(max = 300) @Nullable
        String nameEn) {}
