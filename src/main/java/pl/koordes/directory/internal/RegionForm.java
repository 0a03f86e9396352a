package pl.koordes.directory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** What an administrator may change about a region; its TERYT code and web address stay as they are. */
public record RegionForm(
        @NotBlank(message = "directory.admin.namePl.required") @Text(max = 80) @Nullable
        String namePl,

        @NotBlank(message = "directory.admin.nameEn.required") @Text(max = 80) @Nullable
        String nameEn,

        @NotBlank(message = "directory.admin.seat.required") @Text(max = 80) @Nullable
        String seat,

        @NotNull(message = "directory.admin.macroregion.required") @Nullable
        Long macroregionId) {}
