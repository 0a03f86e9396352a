package pl.koordes.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A region's public profile text as its coordinator enters it; the Polish text is required, the English one optional. */
public record RegionDescriptionForm(
        @NotBlank(message = "directory.coordination.description.required")
        @Size(max = 4000, message = "directory.coordination.size.4000") @Nullable String descriptionPl,
        @Size(max = 4000, message = "directory.coordination.size.4000") @Nullable String descriptionEn) {
}
