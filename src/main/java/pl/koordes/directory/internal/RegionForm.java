package pl.koordes.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What an administrator may change about a region; its TERYT code and web address stay as they are. */
public record RegionForm(
        @NotBlank(message = "directory.admin.namePl.required")
        @Size(max = 80, message = "directory.admin.size.80") @Nullable String namePl,
        @NotBlank(message = "directory.admin.nameEn.required")
        @Size(max = 80, message = "directory.admin.size.80") @Nullable String nameEn,
        @NotBlank(message = "directory.admin.seat.required")
        @Size(max = 80, message = "directory.admin.size.80") @Nullable String seat,
        @NotNull(message = "directory.admin.macroregion.required") @Nullable Long macroregionId) {
}
