package pl.koordes.surveys.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A section of a survey: a title over a group of questions and an optional description. */
public record BuilderSectionForm(
        @NotBlank(message = "surveys.builder.section.title.required") @Text(max = 300) @Nullable
        String sectionTitle,

        @Text(max = 5_000, multiline = true) @Nullable String sectionDescription) {

    public static BuilderSectionForm empty() {
        return new BuilderSectionForm("", "");
    }

    public static BuilderSectionForm of(SurveyDefinition.Section section) {
        return new BuilderSectionForm(section.title(), section.description());
    }

    public String titleText() {
        return sectionTitle == null ? "" : sectionTitle;
    }

    public String descriptionText() {
        return sectionDescription == null ? "" : sectionDescription;
    }
}
