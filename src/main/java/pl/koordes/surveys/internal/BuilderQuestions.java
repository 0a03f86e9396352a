package pl.koordes.surveys.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.internal.BuilderRules.Answers;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;

/**
 * The questions of a survey being built: adding one with its options, matrix rows and condition, saving it
 * under the rules for a survey with answers ({@link BuilderRules}), removing it and moving it up or down (the
 * operator's; the controller checks who acts). Every change locks the survey first ({@link SurveyStore#lock},
 * so concurrent changes of one survey wait for each other), bumps its row version and publishes
 * {@link SurveyChanged} (the audit line) in its transaction.
 */
@Service
public class BuilderQuestions {

    /** A question not yet saved, in the order computations. */
    private static final long NEW = -1;

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final ApplicationEventPublisher events;
    private final BuilderWrites writes;
    private final BuilderRules rules;

    BuilderQuestions(
            JdbcClient jdbc,
            SurveyStore store,
            ApplicationEventPublisher events,
            BuilderWrites writes,
            BuilderRules rules) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.writes = writes;
        this.rules = rules;
    }

    /**
     * Adds a question at the end of its section.
     *
     * @throws Refused beside the section when it is not this survey's, beside the condition when it is not an
     *     option of an earlier choice question of this survey
     */
    @Transactional
    public long addQuestion(long surveyId, BuilderQuestionForm form) {
        Survey before = writes.locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        QuestionType type = Objects.requireNonNull(form.type());
        Section section = formSection(definition, form);
        List<Long> order = orderWith(definition, NEW, section.id());
        List<Refused.Reason> reasons = new ArrayList<>();
        checkCondition(definition, form, NEW, order, reasons);
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        int position =
                section.questions().stream().mapToInt(Question::position).max().orElse(0) + 1;
        long questionId = jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, help, required,
                            other_option, scale_min_label, scale_max_label, condition_option_id)
                        values (:survey, :section, :position, :type, :text, :help, :required, :other, :low, :high,
                            :condition)
                        returning id
                        """)
                .param("survey", surveyId)
                .param("section", section.id())
                .param("position", position)
                .param("type", type.name())
                .param("text", form.textValue())
                .param("help", form.helpText())
                .param("required", form.requiredChosen())
                .param("other", type.choice() && form.otherChosen())
                .param("low", type.scaled() ? form.lowText() : "")
                .param("high", type.scaled() ? form.highText() : "")
                .param("condition", form.conditionOption())
                .query(Long.class)
                .single();
        List<String> options = type.choice() ? form.optionLines() : List.of();
        for (int i = 0; i < options.size(); i++) {
            writes.insertChoice("surveys_option", questionId, i + 1, options.get(i));
        }
        List<String> rows = type == QuestionType.MATRIX ? form.rowLines() : List.of();
        for (int i = 0; i < rows.size(); i++) {
            writes.insertChoice("surveys_matrix_row", questionId, i + 1, rows.get(i));
        }
        writes.touch(surveyId);
        Survey after = writes.survey(surveyId);
        Question added = store.definition(after).question(questionId).orElseThrow();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_ADDED, surveyId, before.auditValues(), questionValues(after, added)));
        return questionId;
    }

    /**
     * Saves a question, if nobody changed it since the form was read, under the rules for a survey with answers.
     *
     * @throws Refused a conflict when the form is stale; beside the field that breaks a rule
     */
    @Transactional
    public void updateQuestion(long surveyId, long questionId, BuilderQuestionForm form) {
        Survey survey = writes.locked(surveyId);
        SurveyDefinition definition = store.definition(survey);
        Question before = definition.question(questionId).orElseThrow(() -> new NotFound("question", questionId));
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("surveys.builder.question.stale");
        }
        QuestionType type = Objects.requireNonNull(form.type());
        Section section = formSection(definition, form);
        boolean answered = rules.answers(surveyId).any();
        List<Refused.Reason> reasons = new ArrayList<>();
        if (answered && type != before.type()) {
            reasons.add(new Refused.Reason("type", "surveys.builder.answered.type"));
        }
        List<Long> order = orderWith(definition, questionId, section.id());
        checkCondition(definition, form, questionId, order, reasons);
        Set<Long> ownOptions = before.options().stream().map(Choice::id).collect(Collectors.toSet());
        List<Question> dependants = definition
                .questions()
                .filter(q -> q.conditionOptionId() != null && ownOptions.contains(q.conditionOptionId()))
                .toList();
        if (!type.choice() && !dependants.isEmpty()) {
            reasons.add(new Refused.Reason("type", "surveys.builder.question.dependants"));
        }
        if (dependants.stream().anyMatch(q -> order.indexOf(q.id()) < order.indexOf(questionId))) {
            reasons.add(new Refused.Reason("sectionId", "surveys.builder.question.dependantsBefore"));
        }
        BuilderChoicePlan options = BuilderChoicePlan.of(
                before.type().choice() ? before.options() : List.of(), type.choice() ? form.optionLines() : List.of());
        Set<Long> conditions = dependants.stream()
                .map(Question::conditionOptionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (options.removed().stream().anyMatch(o -> conditions.contains(o.id()))) {
            reasons.add(new Refused.Reason("choices", "surveys.builder.option.condition"));
        } else if (answered && rules.used("option_id", options.removed())) {
            reasons.add(new Refused.Reason("choices", "surveys.builder.answered.option"));
        }
        BuilderChoicePlan rows =
                BuilderChoicePlan.of(before.rows(), type == QuestionType.MATRIX ? form.rowLines() : List.of());
        if (answered && rules.used("matrix_row_id", rows.removed())) {
            reasons.add(new Refused.Reason("matrixRows", "surveys.builder.answered.row"));
        }
        boolean other = type.choice() && form.otherChosen();
        if (answered && before.otherOption() && !other && rules.otherUsed(questionId)) {
            reasons.add(new Refused.Reason("otherChoice", "surveys.builder.answered.other"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        int position = section.id() == before.sectionId()
                ? before.position()
                : section.questions().stream()
                                .mapToInt(Question::position)
                                .max()
                                .orElse(0)
                        + 1;
        jdbc.sql("""
                        update surveys_question set section_id = :section, position = :position, type = :type,
                            text = :text, help = :help, required = :required, other_option = :other,
                            scale_min_label = :low, scale_max_label = :high, condition_option_id = :condition,
                            row_version = row_version + 1
                        where id = :id
                        """)
                .param("section", section.id())
                .param("position", position)
                .param("type", type.name())
                .param("text", form.textValue())
                .param("help", form.helpText())
                .param("required", form.requiredChosen())
                .param("other", other)
                .param("low", type.scaled() ? form.lowText() : "")
                .param("high", type.scaled() ? form.highText() : "")
                .param("condition", form.conditionOption())
                .param("id", questionId)
                .update();
        apply("surveys_option", questionId, options);
        apply("surveys_matrix_row", questionId, rows);
        writes.touch(surveyId);
        Survey after = writes.survey(surveyId);
        Question updated = store.definition(after).question(questionId).orElseThrow();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_UPDATED,
                surveyId,
                questionValues(survey, before),
                questionValues(after, updated)));
    }

    /** Why a question may not be removed, or empty. */
    public Optional<String> questionRemovalProblem(SurveyDefinition definition, Answers answers, Question question) {
        if (answers.any()) {
            return Optional.of("surveys.builder.answered.remove");
        }
        Set<Long> own = question.options().stream().map(Choice::id).collect(Collectors.toSet());
        boolean dependants = definition
                .questions()
                .anyMatch(q -> q.conditionOptionId() != null && own.contains(q.conditionOptionId()));
        return dependants ? Optional.of("surveys.builder.question.dependantsRemove") : Optional.empty();
    }

    @Transactional
    public void removeQuestion(long surveyId, long questionId) {
        Survey before = writes.locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        Question question = definition.question(questionId).orElseThrow(() -> new NotFound("question", questionId));
        Optional<String> problem = questionRemovalProblem(definition, rules.answers(surveyId), question);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_question where id = :id")
                .param("id", questionId)
                .update();
        writes.touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_REMOVED,
                surveyId,
                questionValues(before, question),
                writes.survey(surveyId).auditValues()));
    }

    /**
     * Moves a question one place up or down: within its section, or past the section's edge to the end of the
     * previous (the start of the next) section.
     *
     * @throws Refused when there is nowhere to go, or when the move would put a question above the question
     *     its condition depends on (or below a question that depends on it)
     */
    @Transactional
    public void move(long surveyId, long questionId, boolean up) {
        Survey before = writes.locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        Question question = definition.question(questionId).orElseThrow(() -> new NotFound("question", questionId));
        List<Section> sections = definition.sections();
        Map<Long, List<Long>> layout = new LinkedHashMap<>();
        for (Section section : sections) {
            layout.put(
                    section.id(),
                    new ArrayList<>(
                            section.questions().stream().map(Question::id).toList()));
        }
        int sectionIndex = indexOfSection(sections, question.sectionId());
        List<Long> own = layout.get(question.sectionId());
        int index = own.indexOf(questionId);
        long targetSection = question.sectionId();
        if (up && index > 0) {
            own.set(index, own.get(index - 1));
            own.set(index - 1, questionId);
        } else if (!up && index < own.size() - 1) {
            own.set(index, own.get(index + 1));
            own.set(index + 1, questionId);
        } else if (up && sectionIndex > 0) {
            own.remove(index);
            targetSection = sections.get(sectionIndex - 1).id();
            layout.get(targetSection).add(questionId);
        } else if (!up && sectionIndex < sections.size() - 1) {
            own.remove(index);
            targetSection = sections.get(sectionIndex + 1).id();
            layout.get(targetSection).addFirst(questionId);
        } else {
            throw Refused.because(up ? "surveys.builder.move.first" : "surveys.builder.move.last");
        }
        List<Long> order = layout.values().stream().flatMap(List::stream).toList();
        if (!conditionsHold(definition, order)) {
            throw Refused.because("surveys.builder.move.condition");
        }
        for (long sectionId : new LinkedHashSet<>(List.of(question.sectionId(), targetSection))) {
            List<Long> ids = layout.get(sectionId);
            for (int i = 0; i < ids.size(); i++) {
                jdbc.sql("update surveys_question set section_id = :section, position = :position where id = :id")
                        .param("section", sectionId)
                        .param("position", i + 1)
                        .param("id", ids.get(i))
                        .update();
            }
        }
        writes.touch(surveyId);
        Survey after = writes.survey(surveyId);
        Question moved = store.definition(after).question(questionId).orElseThrow();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_MOVED,
                surveyId,
                questionValues(before, question),
                questionValues(after, moved)));
    }

    private static Section formSection(SurveyDefinition definition, BuilderQuestionForm form) {
        return definition.sections().stream()
                .filter(s -> Objects.equals(s.id(), form.sectionId()))
                .findFirst()
                .orElseThrow(() -> Refused.field("sectionId", "surveys.builder.question.section.unknown"));
    }

    private static int indexOfSection(List<Section> sections, long sectionId) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id() == sectionId) {
                return i;
            }
        }
        throw new NotFound("section", sectionId);
    }

    /**
     * The order of every question as respondents would see it with this question in that section: where it
     * is when the section is its own, else at the section's end ({@link #NEW} for a question not yet saved).
     */
    static List<Long> orderWith(SurveyDefinition definition, long questionId, long sectionId) {
        List<Long> order = new ArrayList<>();
        for (Section section : definition.sections()) {
            boolean own = false;
            for (Question question : section.questions()) {
                if (question.id() == questionId) {
                    own = section.id() == sectionId;
                    if (!own) {
                        continue;
                    }
                }
                order.add(question.id());
            }
            if (section.id() == sectionId && !own) {
                order.add(questionId);
            }
        }
        return order;
    }

    /** Whether every conditional question comes after the question whose option it depends on. */
    private static boolean conditionsHold(SurveyDefinition definition, List<Long> order) {
        return definition.questions().filter(Question::conditional).allMatch(question -> {
            Optional<Question> owner =
                    definition.questionOfOption(Objects.requireNonNull(question.conditionOptionId()));
            return owner.isPresent() && order.indexOf(owner.get().id()) < order.indexOf(question.id());
        });
    }

    private static void checkCondition(
            SurveyDefinition definition,
            BuilderQuestionForm form,
            long questionId,
            List<Long> order,
            List<Refused.Reason> reasons) {
        Long option = form.conditionOption();
        if (option == null) {
            return;
        }
        Optional<Question> owner = definition.questionOfOption(option);
        if (owner.isEmpty()
                || owner.get().id() == questionId
                || !owner.get().type().choice()) {
            reasons.add(new Refused.Reason("conditionOption", "surveys.builder.condition.unknown"));
        } else if (order.indexOf(owner.get().id()) > order.indexOf(questionId)) {
            reasons.add(new Refused.Reason("conditionOption", "surveys.builder.condition.later"));
        }
    }

    private void apply(String table, long questionId, BuilderChoicePlan plan) {
        for (Choice gone : plan.removed()) {
            jdbc.sql("delete from " + table + " where id = :id")
                    .param("id", gone.id())
                    .update();
        }
        for (BuilderChoicePlan.Keep keep : plan.kept()) {
            jdbc.sql("update " + table + " set position = :position, label = :label where id = :id")
                    .param("position", keep.position())
                    .param("label", keep.label())
                    .param("id", keep.id())
                    .update();
        }
        for (BuilderChoicePlan.Add add : plan.added()) {
            writes.insertChoice(table, questionId, add.position(), add.label());
        }
    }

    /** The survey's values and the question's: long texts as fingerprints, options and rows counted. */
    static Map<String, @Nullable Object> questionValues(Survey survey, Question question) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(survey.auditValues());
        values.put("question", question.id());
        values.put("questionType", question.type().name());
        values.put("questionText", BuilderWrites.fingerprint(question.text()));
        values.put("questionHelp", BuilderWrites.fingerprint(question.help()));
        values.put("required", question.required());
        values.put("section", question.sectionId());
        values.put("position", question.position());
        values.put(
                "options",
                question.options().stream().map(Choice::label).toList().hashCode());
        values.put("optionCount", question.options().size());
        values.put("rowCount", question.rows().size());
        values.put("otherOption", question.otherOption());
        values.put("condition", question.conditionOptionId());
        return values;
    }
}
