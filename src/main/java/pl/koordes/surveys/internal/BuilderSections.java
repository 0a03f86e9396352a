package pl.koordes.surveys.internal;

import java.util.LinkedHashMap;
import java.util.Map;
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
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.internal.BuilderRules.Answers;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Section;

/**
 * The sections of a survey being built: adding one, its title and description, removing one (the operator's;
 * the controller checks who acts). Every change locks the survey first ({@link SurveyStore#lock}, so
 * concurrent changes of one survey wait for each other), bumps its row version and publishes
 * {@link SurveyChanged} (the audit line) in its transaction.
 */
@Service
public class BuilderSections {

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final ApplicationEventPublisher events;
    private final BuilderWrites writes;
    private final BuilderRules rules;

    BuilderSections(
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

    /** Adds a section after the last one. */
    @Transactional
    public long addSection(long surveyId, BuilderSectionForm form) {
        Survey before = writes.locked(surveyId);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from surveys_section where survey_id = :id")
                .param("id", surveyId)
                .query(Integer.class)
                .single();
        long sectionId = writes.insertSection(surveyId, position, form.titleText(), form.descriptionText());
        writes.touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_ADDED,
                surveyId,
                before.auditValues(),
                sectionValues(writes.survey(surveyId), sectionId, form.titleText(), form.descriptionText())));
        return sectionId;
    }

    @Transactional
    public void updateSection(long surveyId, long sectionId, BuilderSectionForm form) {
        Survey before = writes.locked(surveyId);
        Section section = section(store.definition(before), sectionId);
        jdbc.sql("update surveys_section set title = :title, description = :description where id = :id")
                .param("title", form.titleText())
                .param("description", form.descriptionText())
                .param("id", sectionId)
                .update();
        writes.touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_UPDATED,
                surveyId,
                sectionValues(before, sectionId, section.title(), section.description()),
                sectionValues(writes.survey(surveyId), sectionId, form.titleText(), form.descriptionText())));
    }

    /**
     * Why a section may not be removed, or empty: its questions would take answers with them, or later
     * questions depend on them.
     */
    @Transactional(readOnly = true)
    public Optional<String> sectionRemovalProblem(SurveyDefinition definition, Answers answers, long sectionId) {
        Section section = section(definition, sectionId);
        if (!section.questions().isEmpty() && answers.any()) {
            return Optional.of("surveys.builder.answered.section");
        }
        Set<Long> options = section.questions().stream()
                .flatMap(q -> q.options().stream())
                .map(Choice::id)
                .collect(Collectors.toSet());
        boolean dependants = definition
                .questions()
                .filter(q -> q.sectionId() != sectionId)
                .anyMatch(q -> q.conditionOptionId() != null && options.contains(q.conditionOptionId()));
        return dependants ? Optional.of("surveys.builder.section.dependants") : Optional.empty();
    }

    @Transactional
    public void removeSection(long surveyId, long sectionId) {
        Survey before = writes.locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        Section section = section(definition, sectionId);
        Optional<String> problem = sectionRemovalProblem(definition, rules.answers(surveyId), sectionId);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_section where id = :id")
                .param("id", sectionId)
                .update();
        writes.touch(surveyId);
        Map<String, @Nullable Object> values = sectionValues(before, sectionId, section.title(), section.description());
        values.put("questions", section.questions().size());
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_REMOVED,
                surveyId,
                values,
                writes.survey(surveyId).auditValues()));
    }

    private static Section section(SurveyDefinition definition, long sectionId) {
        return definition.sections().stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> new NotFound("section", sectionId));
    }

    /** The survey's values and the section's (its description as a fingerprint). */
    private static Map<String, @Nullable Object> sectionValues(
            Survey survey, long sectionId, String title, String description) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(survey.auditValues());
        values.put("section", sectionId);
        values.put("sectionTitle", title);
        values.put("sectionDescription", BuilderWrites.fingerprint(description));
        return values;
    }
}
