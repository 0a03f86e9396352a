package pl.koordes.surveys.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;
import pl.koordes.surveys.QuestionType;

/**
 * One question as the editor types it. Options and matrix rows are typed one per line in a text area
 * (blank lines are ignored), so the form needs no script; the fields a type does not use are ignored
 * when it is saved. The condition is an option of an earlier choice question, checked against the survey
 * by {@link BuilderQuestions}.
 *
 * @param sectionId the section the question belongs to (a move to another one puts it at its end)
 * @param choices the options of a choice question, one per line
 * @param otherChoice whether a choice question offers "inna (jaka?)" with its own text
 * @param lowLabel what 1 means on the scale (scale and matrix questions)
 * @param highLabel what 5 means on the scale
 * @param matrixRows the rows of a matrix question, one per line
 * @param conditionOption shown only when this option is chosen; null = always shown
 * @param version the question's row version the form was read at; null for a new question
 */
public record BuilderQuestionForm(
        @NotNull(message = "surveys.builder.question.type.required") @Nullable
        QuestionType type,

        @NotBlank(message = "surveys.builder.question.text.required") @Text(max = 1000) @Nullable
        String questionText,

        @Text(max = 2000, multiline = true) @Nullable String questionHelp,
        @Nullable Boolean mandatory,

        @NotNull(message = "surveys.builder.question.section.required") @Nullable
        Long sectionId,

        @Text(max = 30_000, multiline = true) @Nullable String choices,
        @Nullable Boolean otherChoice,
        @Text(max = 100) @Nullable String lowLabel,
        @Text(max = 100) @Nullable String highLabel,
        @Text(max = 30_000, multiline = true) @Nullable String matrixRows,
        @Nullable Long conditionOption,
        @Nullable Integer version)
        implements CrossFieldRules {

    /** The longest option or row label (the column's length). */
    static final int LABEL_MAX = 300;

    /** At most this many options or rows: a longer list is a pasting accident. */
    static final int LINES_MAX = 100;

    public static BuilderQuestionForm empty(@Nullable Long sectionId) {
        return new BuilderQuestionForm(
                QuestionType.SINGLE_CHOICE, "", "", false, sectionId, "", false, "", "", "", null, null);
    }

    public static BuilderQuestionForm of(SurveyDefinition.Question question) {
        return new BuilderQuestionForm(
                question.type(),
                question.text(),
                question.help(),
                question.required(),
                question.sectionId(),
                String.join(
                        "\n",
                        question.options().stream()
                                .map(SurveyDefinition.Choice::label)
                                .toList()),
                question.otherOption(),
                question.scaleMinLabel(),
                question.scaleMaxLabel(),
                String.join(
                        "\n",
                        question.rows().stream()
                                .map(SurveyDefinition.Choice::label)
                                .toList()),
                question.conditionOptionId(),
                question.rowVersion());
    }

    @Override
    public void checkTogether(Errors errors) {
        if (type == null) {
            return;
        }
        if (type.choice()) {
            checkLines(errors, "choices", optionLines(), type == QuestionType.SINGLE_CHOICE ? 2 : 1);
        }
        if (type == QuestionType.MATRIX) {
            checkLines(errors, "matrixRows", rowLines(), 1);
        }
        if (type.scaled()) {
            if (lowText().isBlank()) {
                errors.rejectValue("lowLabel", "surveys.builder.question.scale.required");
            }
            if (highText().isBlank()) {
                errors.rejectValue("highLabel", "surveys.builder.question.scale.required");
            }
        }
    }

    private static void checkLines(Errors errors, String field, List<String> lines, int least) {
        if (lines.size() < least) {
            errors.rejectValue(field, least > 1 ? "surveys.builder.lines.two" : "surveys.builder.lines.one");
        } else if (lines.size() > LINES_MAX) {
            errors.rejectValue(field, "surveys.builder.lines.many");
        } else if (lines.stream().anyMatch(line -> line.codePointCount(0, line.length()) > LABEL_MAX)) {
            errors.rejectValue(field, "surveys.builder.lines.long");
        } else {
            Set<String> seen = new HashSet<>();
            for (String line : lines) {
                if (!seen.add(line.toLowerCase(Locale.ROOT))) {
                    errors.rejectValue(field, "surveys.builder.lines.repeated");
                    return;
                }
            }
        }
    }

    /** The options typed, one per non-blank line, trimmed. */
    public List<String> optionLines() {
        return lines(choices);
    }

    public List<String> rowLines() {
        return lines(matrixRows);
    }

    private static List<String> lines(@Nullable String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    public String textValue() {
        return questionText == null ? "" : questionText;
    }

    public String helpText() {
        return questionHelp == null ? "" : questionHelp;
    }

    public boolean requiredChosen() {
        return Boolean.TRUE.equals(mandatory);
    }

    public boolean otherChosen() {
        return Boolean.TRUE.equals(otherChoice);
    }

    public String lowText() {
        return lowLabel == null ? "" : lowLabel;
    }

    public String highText() {
        return highLabel == null ? "" : highLabel;
    }

    public String choicesText() {
        return choices == null ? "" : choices;
    }

    public String rowsText() {
        return matrixRows == null ? "" : matrixRows;
    }
}
