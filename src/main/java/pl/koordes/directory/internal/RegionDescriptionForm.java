package pl.koordes.directory.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A region's public profile text as its coordinator enters it; the Polish text is required, the English one optional. */
public record RegionDescriptionForm(
        @NotBlank(message = "directory.coordination.description.required") @Text(max = 4000, multiline = true) @Nullable
        String descriptionPl,

        @Text(max = 4000, multiline = true) @Nullable String descriptionEn) {}
