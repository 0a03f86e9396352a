package pl.koordes.surveys.internal;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import pl.koordes.surveys.QuestionType;

/**
 * A survey with its sections and questions in order: what the builder edits, the respondent answers
 * and the results count. Read at once by {@link SurveyStore#definition}.
 */
public record SurveyDefinition(Survey survey, List<Section> sections) {

    /** Every question in the order respondents see them. */
    public Stream<Question> questions() {
        return sections.stream().flatMap(section -> section.questions().stream());
    }

    public Optional<Question> question(long questionId) {
        return questions().filter(q -> q.id() == questionId).findFirst();
    }

    /** The question an option belongs to (conditions name an option). */
    public Optional<Question> questionOfOption(long optionId) {
        return questions()
                .filter(q -> q.options().stream().anyMatch(o -> o.id() == optionId))
                .findFirst();
    }

    /** A titled group of questions. */
    public record Section(long id, int position, String title, String description, List<Question> questions) {}

    /**
     * One question.
     *
     * @param conditionOptionId shown only when this option of an earlier choice question is chosen
     * @param options the choices of a choice question, in order
     * @param rows the rows of a matrix question, in order
     */
    public record Question(
            long id,
            long sectionId,
            int position,
            QuestionType type,
            String text,
            String help,
            boolean required,
            boolean otherOption,
            String scaleMinLabel,
            String scaleMaxLabel,
            @Nullable Long conditionOptionId,
            int rowVersion,
            List<Choice> options,
            List<Choice> rows) {

        public boolean conditional() {
            return conditionOptionId != null;
        }
    }

    /** An option of a choice question or a row of a matrix question. */
    public record Choice(long id, int position, String label) {}

    /** The lowest and highest value of the scale of scale and matrix questions. */
    public static final int SCALE_MIN = 1;

    public static final int SCALE_MAX = 5;
}
