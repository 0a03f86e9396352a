package pl.koordes.surveys.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A new survey: its title and the description respondents read above the questions; the rest is settings. */
public record BuilderNewForm(
        @NotBlank(message = "surveys.builder.title.required") @Text(max = 300) @Nullable
        String title,

        @Text(max = 10_000, multiline = true) @Nullable String description) {

    public static BuilderNewForm empty() {
        return new BuilderNewForm("", "");
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }
}
