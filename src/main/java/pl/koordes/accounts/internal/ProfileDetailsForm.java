package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.Profiles;
import pl.koordes.shared.text.Text;

/**
 * A person's name and language.
 *
 * @param language {@code pl} or {@code en}; anything else is taken as Polish
 */
public record ProfileDetailsForm(
        @NotBlank(message = "profile.name.required")
        @Size(max = Profiles.NAME_MAX, message = "profile.name.tooLong")
        @Text(max = Profiles.NAME_MAX)
        @Nullable
        String displayName,

        @Nullable String language) {

    /** The language as stored: {@code en} when chosen, else Polish. */
    public String languageCode() {
        return "en".equals(language) ? "en" : "pl";
    }
}
