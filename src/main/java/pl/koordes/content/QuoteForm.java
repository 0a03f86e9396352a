package pl.koordes.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A motto quote and where it comes from. */
public record QuoteForm(
        @NotBlank(message = "content.quote.text.required")
        @Size(max = 600, message = "content.size.600")
        @Text(max = 600, message = "content.singleLine")
        @Nullable
        String text,

        @NotBlank(message = "content.quote.source.required")
        @Size(max = 300, message = "content.size.300")
        @Text(max = 300, message = "content.singleLine")
        @Nullable
        String source) {}
