package pl.koordes.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * A patron or partner as an editor enters it; the logo comes as a file beside the form.
 *
 * @param url the partner's web address: http or https only, so that no link runs a script
 */
public record PartnerForm(
        @NotBlank(message = "content.partner.kind.required")
        @Pattern(regexp = "PATRON|PARTNER|FUNDER|MEDIA_PATRON", message = "content.partner.kind.required")
        @Nullable
        String kind,

        @NotBlank(message = "content.partner.name.required")
        @Size(max = 200, message = "content.size.200")
        @Text(max = 200, message = "content.singleLine")
        @Nullable
        String name,

        @Size(max = 300, message = "content.size.300")
        @Text(max = 300)
        @Pattern(
                regexp = "(https?://[^\\s\\p{Cntrl}\"<>]+)?",
                flags = Pattern.Flag.CASE_INSENSITIVE,
                message = "content.partner.url.invalid")
        @Nullable
        String url,

        @Pattern(regexp = "\\d{0,4}", message = "content.partner.order.invalid") @Nullable
        String sortOrder) {}
