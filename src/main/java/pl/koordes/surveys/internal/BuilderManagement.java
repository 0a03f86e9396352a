package pl.koordes.surveys.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
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
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;

/**
 * Building surveys (the operator's; the controller checks who acts): creating one or copying an earlier
 * one, its settings, sections and questions, reordering, publishing, closing and deleting. Every change
 * locks the survey first ({@link SurveyStore#lock}, so concurrent changes of one survey wait for each
 * other), bumps its row version and publishes {@link SurveyChanged} (the audit line) in its transaction.
 *
 * <p><b>Editing a survey that has answers</b> (any response, draft or submitted): what would make stored
 * answers mean something else or lose them is refused — changing a question's type, removing a question
 * or a section with questions, removing an option or matrix row that has answers, dropping "inna (jaka?)"
 * that was used, and switching anonymity or the response mode. Correcting texts and labels and adding
 * options, rows, questions and sections stay allowed (a new required question does not make submitted
 * answers invalid: they were complete when sent). Published surveys stay editable under the same rules.
 */
@Service
public class BuilderManagement {

    /** A row of the operator's list of surveys. */
    public record ListRow(Survey survey, int submitted) {

        public SurveyPhase phase(Instant now) {
            return survey.phase(now);
        }
    }

    /** How many responses a survey has: submitted ones count in the results, drafts are being written. */
    public record Answers(int submitted, int drafts) {

        public boolean any() {
            return submitted > 0 || drafts > 0;
        }
    }

    /** The suffix of a copy's title. */
    static final String COPY_SUFFIX = " (kopia)";

    private static final int TITLE_MAX = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A question not yet saved, in the order computations. */
    private static final long NEW = -1;

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BuilderManagement(
            JdbcClient jdbc, SurveyStore store, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** Every survey, the newest first, with its number of submitted answers; one statement. */
    @Transactional(readOnly = true)
    public List<ListRow> list() {
        return jdbc.sql("""
                        select s.*, (select count(*) from surveys_response r
                                     where r.survey_id = s.id and r.status = 'SUBMITTED') as submitted_count
                        from surveys_survey s order by s.created_at desc, s.id desc
                        """)
                .query((rs, n) -> new ListRow(SurveyStore.survey(rs, n), rs.getInt("submitted_count")))
                .list();
    }

    @Transactional(readOnly = true)
    public Answers answers(long surveyId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'SUBMITTED') as submitted,
                               count(*) filter (where status = 'DRAFT') as drafts
                        from surveys_response where survey_id = :id
                        """)
                .param("id", surveyId)
                .query((rs, n) -> new Answers(rs.getInt("submitted"), rs.getInt("drafts")))
                .single();
    }

    /** The survey's definition for the builder; not found for an unknown id. */
    @Transactional(readOnly = true)
    public SurveyDefinition definition(long surveyId) {
        return store.definition(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
    }

    /** The survey's settings; not found for an unknown id. */
    @Transactional(readOnly = true)
    public Survey survey(long surveyId) {
        return store.find(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
    }

    /**
     * A new survey, unpublished, answered per person, results for the operator only, nobody in its audience
     * yet, with a fresh secret for its link.
     *
     * @return its id
     */
    @Transactional
    public long create(long accountId, BuilderNewForm form) {
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        insert into surveys_survey (title, description, link_token, created_by, created_at, updated_at)
                        values (:title, :description, :token, :by, :now, :now) returning id
                        """)
                .param("title", form.titleText())
                .param("description", form.descriptionText())
                .param("token", newToken())
                .param("by", accountId)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_CREATED, id, null, survey(id).auditValues()));
        return id;
    }

    /**
     * A new survey from an earlier one: the same settings, unpublished and without dates, a new link secret,
     * and copies of its sections, questions, options and rows, each condition pointing at the copy of its option.
     *
     * @return the copy's id
     */
    @Transactional
    public long copy(long accountId, long sourceId) {
        Survey source = store.lock(sourceId).orElseThrow(() -> new NotFound("survey", sourceId));
        SurveyDefinition definition = store.definition(source);
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        insert into surveys_survey (title, description, response_mode, anonymous, results_visibility,
                            allow_changes, audience_roles, audience_regions, audience_kinds, audience_link, link_token,
                            copied_from_id, created_by, created_at, updated_at)
                        select :title, description, response_mode, anonymous, results_visibility, allow_changes,
                            audience_roles, audience_regions, audience_kinds, audience_link, :token, id, :by, :now, :now
                        from surveys_survey where id = :source
                        returning id
                        """)
                .param("title", copyTitle(source.title()))
                .param("token", newToken())
                .param("by", accountId)
                .param("now", Timestamp.from(now))
                .param("source", sourceId)
                .query(Long.class)
                .single();
        Map<Long, Long> options = new HashMap<>();
        Map<Long, Long> questions = new HashMap<>();
        for (Section section : definition.sections()) {
            long sectionId = insertSection(id, section.position(), section.title(), section.description());
            for (Question question : section.questions()) {
                long questionId = insertQuestion(id, sectionId, question.position(), question);
                questions.put(question.id(), questionId);
                for (Choice option : question.options()) {
                    options.put(
                            option.id(), insertChoice("surveys_option", questionId, option.position(), option.label()));
                }
                for (Choice row : question.rows()) {
                    insertChoice("surveys_matrix_row", questionId, row.position(), row.label());
                }
            }
        }
        definition.questions().filter(Question::conditional).forEach(question -> {
            Long option = options.get(question.conditionOptionId());
            jdbc.sql("update surveys_question set condition_option_id = :option where id = :id")
                    .param("option", option)
                    .param("id", questions.get(question.id()))
                    .update();
        });
        Map<String, @Nullable Object> after = new LinkedHashMap<>(survey(id).auditValues());
        after.put("copiedFrom", sourceId);
        after.put("questions", questions.size());
        events.publishEvent(new SurveyChanged(SurveyAction.SURVEY_COPIED, id, null, after));
        return id;
    }

    private static String copyTitle(String title) {
        int room = TITLE_MAX - COPY_SUFFIX.length();
        String base = title.codePointCount(0, title.length()) <= room
                ? title
                : title.substring(0, title.offsetByCodePoints(0, room));
        return base + COPY_SUFFIX;
    }

    /**
     * Saves the settings, if nobody changed the survey since the form was read.
     *
     * @throws Refused a conflict when the form is stale; beside the field when a region is unknown, when
     *     answers exist and anonymity or the response mode would change, when a published survey would lose
     *     its dates
     */
    @Transactional
    public void updateSettings(long surveyId, BuilderSettingsForm form) {
        Survey before = locked(surveyId);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("surveys.builder.stale");
        }
        List<Refused.Reason> reasons = new ArrayList<>();
        Set<Long> regions = directory.regions().stream().map(Region::id).collect(Collectors.toSet());
        if (!regions.containsAll(form.audienceRegions())) {
            reasons.add(new Refused.Reason("audienceRegions", "form.invalid"));
        }
        if (answers(surveyId).any()) {
            if (form.anonymousChosen() != before.anonymous()) {
                reasons.add(new Refused.Reason("anonymous", "surveys.builder.answered.anonymous"));
            }
            if (form.responseMode() != before.responseMode()) {
                reasons.add(new Refused.Reason("responseMode", "surveys.builder.answered.mode"));
            }
        }
        if (before.published() && (form.opensAt() == null || form.closesAt() == null)) {
            reasons.add(new Refused.Reason("openingDate", "surveys.builder.published.dates"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        jdbc.sql("""
                        update surveys_survey set title = :title, description = :description, opens_at = :opens,
                            closes_at = :closes, response_mode = :mode, anonymous = :anonymous,
                            results_visibility = :visibility, allow_changes = :changes,
                            audience_roles = :roles::text[], audience_regions = :regions::bigint[],
                            audience_kinds = :kinds::text[], audience_link = :link,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("title", form.titleText())
                .param("description", form.descriptionText())
                .param("opens", timestamp(form.opensAt()))
                .param("closes", timestamp(form.closesAt()))
                .param("mode", Objects.requireNonNull(form.responseMode()).name())
                .param("anonymous", form.anonymousChosen())
                .param(
                        "visibility",
                        Objects.requireNonNull(form.resultsVisibility()).name())
                .param("changes", form.changesChosen())
                .param(
                        "roles",
                        arrayLiteral(
                                form.audienceGroups().stream().map(Role::name).toList()))
                .param(
                        "regions",
                        arrayLiteral(form.audienceRegions().stream()
                                .sorted()
                                .map(String::valueOf)
                                .toList()))
                .param(
                        "kinds",
                        arrayLiteral(form.audienceKinds().stream()
                                .map(InstitutionKind::name)
                                .toList()))
                .param("link", form.linkChosen())
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", surveyId)
                .update();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_UPDATED,
                surveyId,
                before.auditValues(),
                survey(surveyId).auditValues()));
    }

    /** Adds a section after the last one. */
    @Transactional
    public long addSection(long surveyId, BuilderSectionForm form) {
        Survey before = locked(surveyId);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from surveys_section where survey_id = :id")
                .param("id", surveyId)
                .query(Integer.class)
                .single();
        long sectionId = insertSection(surveyId, position, form.titleText(), form.descriptionText());
        touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_ADDED,
                surveyId,
                before.auditValues(),
                sectionValues(survey(surveyId), sectionId, form.titleText(), form.descriptionText())));
        return sectionId;
    }

    @Transactional
    public void updateSection(long surveyId, long sectionId, BuilderSectionForm form) {
        Survey before = locked(surveyId);
        Section section = section(store.definition(before), sectionId);
        jdbc.sql("update surveys_section set title = :title, description = :description where id = :id")
                .param("title", form.titleText())
                .param("description", form.descriptionText())
                .param("id", sectionId)
                .update();
        touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_UPDATED,
                surveyId,
                sectionValues(before, sectionId, section.title(), section.description()),
                sectionValues(survey(surveyId), sectionId, form.titleText(), form.descriptionText())));
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
        Survey before = locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        Section section = section(definition, sectionId);
        Optional<String> problem = sectionRemovalProblem(definition, answers(surveyId), sectionId);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_section where id = :id")
                .param("id", sectionId)
                .update();
        touch(surveyId);
        Map<String, @Nullable Object> values = sectionValues(before, sectionId, section.title(), section.description());
        values.put("questions", section.questions().size());
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_SECTION_REMOVED,
                surveyId,
                values,
                survey(surveyId).auditValues()));
    }

    /**
     * Adds a question at the end of its section.
     *
     * @throws Refused beside the section when it is not this survey's, beside the condition when it is not an
     *     option of an earlier choice question of this survey
     */
    @Transactional
    public long addQuestion(long surveyId, BuilderQuestionForm form) {
        Survey before = locked(surveyId);
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
            insertChoice("surveys_option", questionId, i + 1, options.get(i));
        }
        List<String> rows = type == QuestionType.MATRIX ? form.rowLines() : List.of();
        for (int i = 0; i < rows.size(); i++) {
            insertChoice("surveys_matrix_row", questionId, i + 1, rows.get(i));
        }
        touch(surveyId);
        Survey after = survey(surveyId);
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
        Survey survey = locked(surveyId);
        SurveyDefinition definition = store.definition(survey);
        Question before = definition.question(questionId).orElseThrow(() -> new NotFound("question", questionId));
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("surveys.builder.question.stale");
        }
        QuestionType type = Objects.requireNonNull(form.type());
        Section section = formSection(definition, form);
        boolean answered = answers(surveyId).any();
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
        Plan options = Plan.of(
                before.type().choice() ? before.options() : List.of(), type.choice() ? form.optionLines() : List.of());
        Set<Long> conditions = dependants.stream()
                .map(Question::conditionOptionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (options.removed().stream().anyMatch(o -> conditions.contains(o.id()))) {
            reasons.add(new Refused.Reason("choices", "surveys.builder.option.condition"));
        } else if (answered && used("option_id", options.removed())) {
            reasons.add(new Refused.Reason("choices", "surveys.builder.answered.option"));
        }
        Plan rows = Plan.of(before.rows(), type == QuestionType.MATRIX ? form.rowLines() : List.of());
        if (answered && used("matrix_row_id", rows.removed())) {
            reasons.add(new Refused.Reason("matrixRows", "surveys.builder.answered.row"));
        }
        boolean other = type.choice() && form.otherChosen();
        if (answered && before.otherOption() && !other && otherUsed(questionId)) {
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
        touch(surveyId);
        Survey after = survey(surveyId);
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
        Survey before = locked(surveyId);
        SurveyDefinition definition = store.definition(before);
        Question question = definition.question(questionId).orElseThrow(() -> new NotFound("question", questionId));
        Optional<String> problem = questionRemovalProblem(definition, answers(surveyId), question);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_question where id = :id")
                .param("id", questionId)
                .update();
        touch(surveyId);
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_REMOVED,
                surveyId,
                questionValues(before, question),
                survey(surveyId).auditValues()));
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
        Survey before = locked(surveyId);
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
        touch(surveyId);
        Survey after = survey(surveyId);
        Question moved = store.definition(after).question(questionId).orElseThrow();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_QUESTION_MOVED,
                surveyId,
                questionValues(before, question),
                questionValues(after, moved)));
    }

    /** Why the survey cannot be published now, or empty. */
    public Optional<String> publishProblem(SurveyDefinition definition, Instant now) {
        Survey survey = definition.survey();
        if (survey.published()) {
            return Optional.of("surveys.builder.publish.already");
        }
        if (definition.questions().findAny().isEmpty()) {
            return Optional.of("surveys.builder.publish.noQuestions");
        }
        if (survey.opensAt() == null || survey.closesAt() == null) {
            return Optional.of("surveys.builder.publish.noDates");
        }
        if (!survey.closesAt().isAfter(now)) {
            return Optional.of("surveys.builder.publish.closingPast");
        }
        if (survey.audienceRoles().isEmpty() && !survey.audienceLink()) {
            return Optional.of("surveys.builder.publish.noAudience");
        }
        return Optional.empty();
    }

    @Transactional
    public void publish(long surveyId) {
        Survey before = locked(surveyId);
        Instant now = Instant.now(clock);
        Optional<String> problem = publishProblem(store.definition(before), now);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("""
                        update surveys_survey set published = true, published_at = :now,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """).param("now", Timestamp.from(now)).param("id", surveyId).update();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_PUBLISHED,
                surveyId,
                before.auditValues(),
                survey(surveyId).auditValues()));
    }

    /** Why the survey cannot be closed now (it is not published, or closed already), or empty. */
    public Optional<String> closeProblem(Survey survey, Instant now) {
        SurveyPhase phase = survey.phase(now);
        return phase == SurveyPhase.OPEN || phase == SurveyPhase.SCHEDULED
                ? Optional.empty()
                : Optional.of("surveys.builder.close.notOpen");
    }

    /** Closes the survey now: no answer is accepted from this moment (a scheduled one never opens). */
    @Transactional
    public void close(long surveyId) {
        Survey before = locked(surveyId);
        Instant now = Instant.now(clock);
        Optional<String> problem = closeProblem(before, now);
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("""
                        update surveys_survey set closes_at = :now, opens_at = least(opens_at, :before),
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minusSeconds(1)))
                .param("id", surveyId)
                .update();
        events.publishEvent(new SurveyChanged(
                SurveyAction.SURVEY_CLOSED,
                surveyId,
                before.auditValues(),
                survey(surveyId).auditValues()));
    }

    /** Why the survey may not be deleted (it has submitted answers: close it instead), or empty. */
    public Optional<String> deleteProblem(Answers answers) {
        return answers.submitted() > 0 ? Optional.of("surveys.builder.delete.answered") : Optional.empty();
    }

    /** Deletes the survey with its structure and draft answers. */
    @Transactional
    public void delete(long surveyId) {
        Survey before = locked(surveyId);
        Optional<String> problem = deleteProblem(answers(surveyId));
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_survey where id = :id")
                .param("id", surveyId)
                .update();
        events.publishEvent(new SurveyChanged(SurveyAction.SURVEY_DELETED, surveyId, before.auditValues(), null));
    }

    private Survey locked(long surveyId) {
        return store.lock(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
    }

    private void touch(long surveyId) {
        jdbc.sql("update surveys_survey set row_version = row_version + 1, updated_at = :now where id = :id")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", surveyId)
                .update();
    }

    private static Section section(SurveyDefinition definition, long sectionId) {
        return definition.sections().stream()
                .filter(s -> s.id() == sectionId)
                .findFirst()
                .orElseThrow(() -> new NotFound("section", sectionId));
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

    /** Whether any answer (draft or submitted) chose one of these options or rated one of these rows. */
    private boolean used(String column, List<Choice> choices) {
        if (choices.isEmpty()) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from surveys_answer where " + column + " = any(:ids::bigint[]))")
                .param(
                        "ids",
                        arrayLiteral(choices.stream()
                                .map(c -> String.valueOf(c.id()))
                                .toList()))
                .query(Boolean.class)
                .single();
    }

    private boolean otherUsed(long questionId) {
        return jdbc.sql("""
                        select exists (select 1 from surveys_answer
                                       where question_id = :q and option_id is null and text_value is not null)
                        """).param("q", questionId).query(Boolean.class).single();
    }

    /**
     * How the typed lines become the options (or rows) of a question: a line equal to an existing label keeps
     * that option (its answers and the conditions on it); when at least as many lines are new as options are gone, these
     * are the same options relabelled, in order, and further lines are added; when fewer lines are left than
     * options, the options whose labels are gone are removed and the lines added.
     */
    record Plan(List<Keep> kept, List<Add> added, List<Choice> removed) {

        record Keep(long id, int position, String label) {}

        record Add(int position, String label) {}

        static Plan of(List<Choice> existing, List<String> lines) {
            Map<String, Choice> byLabel = new HashMap<>();
            for (Choice choice : existing) {
                byLabel.putIfAbsent(choice.label(), choice);
            }
            Long[] assigned = new Long[lines.size()];
            Set<Long> used = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                Choice same = byLabel.get(lines.get(i));
                if (same != null && used.add(same.id())) {
                    assigned[i] = same.id();
                }
            }
            List<Choice> left =
                    existing.stream().filter(c -> !used.contains(c.id())).toList();
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (assigned[i] == null) {
                    open.add(i);
                }
            }
            // Nothing needs to go: the options without their label were relabelled, in order (the rest of
            // the new lines are new options). More options than new lines: which went is unknowable, so
            // every option whose label is gone is removed (refused where it has answers).
            if (left.size() <= open.size()) {
                for (int i = 0; i < left.size(); i++) {
                    assigned[open.get(i)] = left.get(i).id();
                    used.add(left.get(i).id());
                }
            }
            List<Keep> kept = new ArrayList<>();
            List<Add> added = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Long id = assigned[i];
                if (id == null) {
                    added.add(new Add(i + 1, lines.get(i)));
                } else {
                    kept.add(new Keep(id, i + 1, lines.get(i)));
                }
            }
            List<Choice> removed =
                    existing.stream().filter(c -> !used.contains(c.id())).toList();
            return new Plan(kept, added, removed);
        }
    }

    private void apply(String table, long questionId, Plan plan) {
        for (Choice gone : plan.removed()) {
            jdbc.sql("delete from " + table + " where id = :id")
                    .param("id", gone.id())
                    .update();
        }
        for (Plan.Keep keep : plan.kept()) {
            jdbc.sql("update " + table + " set position = :position, label = :label where id = :id")
                    .param("position", keep.position())
                    .param("label", keep.label())
                    .param("id", keep.id())
                    .update();
        }
        for (Plan.Add add : plan.added()) {
            insertChoice(table, questionId, add.position(), add.label());
        }
    }

    private long insertSection(long surveyId, int position, String title, String description) {
        return jdbc.sql("""
                        insert into surveys_section (survey_id, position, title, description)
                        values (:survey, :position, :title, :description) returning id
                        """)
                .param("survey", surveyId)
                .param("position", position)
                .param("title", title)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    /** A copy of a question (without its condition, set once its options are copied too). */
    private long insertQuestion(long surveyId, long sectionId, int position, Question question) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, help, required,
                            other_option, scale_min_label, scale_max_label)
                        values (:survey, :section, :position, :type, :text, :help, :required, :other, :low, :high)
                        returning id
                        """)
                .param("survey", surveyId)
                .param("section", sectionId)
                .param("position", position)
                .param("type", question.type().name())
                .param("text", question.text())
                .param("help", question.help())
                .param("required", question.required())
                .param("other", question.otherOption())
                .param("low", question.scaleMinLabel())
                .param("high", question.scaleMaxLabel())
                .query(Long.class)
                .single();
    }

    private long insertChoice(String table, long questionId, int position, String label) {
        return jdbc.sql("insert into " + table + " (question_id, position, label) values (:q, :position, :label)"
                        + " returning id")
                .param("q", questionId)
                .param("position", position)
                .param("label", label)
                .query(Long.class)
                .single();
    }

    /** The survey's values and the section's (its description as a fingerprint). */
    private static Map<String, @Nullable Object> sectionValues(
            Survey survey, long sectionId, String title, String description) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(survey.auditValues());
        values.put("section", sectionId);
        values.put("sectionTitle", title);
        values.put("sectionDescription", fingerprint(description));
        return values;
    }

    /** The survey's values and the question's: long texts as fingerprints, options and rows counted. */
    static Map<String, @Nullable Object> questionValues(Survey survey, Question question) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(survey.auditValues());
        values.put("question", question.id());
        values.put("questionType", question.type().name());
        values.put("questionText", fingerprint(question.text()));
        values.put("questionHelp", fingerprint(question.help()));
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

    private static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }

    /** 32 URL-safe characters from 24 random bytes: the secret part of the survey's link. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A PostgreSQL array literal of plain values (enum names, numbers: nothing to quote). */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
