package pl.koordes.surveys.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;

/**
 * What the builder's pages show of a survey: its definition, its answers so far and the moment, with the
 * numbering, neighbours and conditions of its questions worked out once for the templates.
 */
public record BuilderPage(SurveyDefinition definition, BuilderRules.Answers answers, Instant now) {

    /** A question whose options a later question may depend on, as the condition's choice groups them. */
    public record ConditionGroup(long questionId, int number, String text, List<Choice> options) {}

    /** "Shown when in question „text” the answer „label” was chosen". */
    public record Condition(int number, String question, String option) {}

    public Survey survey() {
        return definition.survey();
    }

    public SurveyPhase phase() {
        return survey().phase(now);
    }

    public String phaseKey() {
        return "surveys.phase." + phase().name();
    }

    private List<Question> ordered() {
        return definition.questions().toList();
    }

    /** The question's number as respondents see it, from 1. */
    public int number(Question question) {
        return ordered().indexOf(question) + 1;
    }

    public boolean first(Question question) {
        List<Question> all = ordered();
        return !all.isEmpty() && all.getFirst().id() == question.id();
    }

    public boolean last(Question question) {
        List<Question> all = ordered();
        return !all.isEmpty() && all.getLast().id() == question.id();
    }

    public int questionCount() {
        return ordered().size();
    }

    /** The condition of a question in words, or null when it is always shown. */
    public @Nullable Condition condition(Question question) {
        Long optionId = question.conditionOptionId();
        if (optionId == null) {
            return null;
        }
        Optional<Question> owner = definition.questionOfOption(optionId);
        if (owner.isEmpty()) {
            return null;
        }
        String label = owner.get().options().stream()
                .filter(o -> o.id() == optionId)
                .map(Choice::label)
                .findFirst()
                .orElse("");
        return new Condition(number(owner.get()), owner.get().text(), label);
    }

    /**
     * The choice questions before this question's place (a new one's place is the end of the section it is
     * added to): the options a condition may name.
     */
    public List<ConditionGroup> earlierChoices(long questionId, long sectionId) {
        List<Long> order = BuilderQuestions.orderWith(definition, questionId, sectionId);
        int place = order.indexOf(questionId);
        return ordered().stream()
                .filter(q -> q.type().choice() && q.id() != questionId)
                .filter(q -> order.indexOf(q.id()) < place)
                .map(q -> new ConditionGroup(q.id(), number(q), q.text(), q.options()))
                .toList();
    }
}
