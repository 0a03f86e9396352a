package pl.koordes.surveys.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import pl.koordes.shared.security.SecureRandoms;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.BuilderRules.Answers;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;

/**
 * Building surveys, the life of one (the operator's; the controller checks who acts): creating one or copying
 * an earlier one, its settings, publishing, closing and deleting. Every change locks the survey first
 * ({@link SurveyStore#lock}, so concurrent changes of one survey wait for each other), bumps its row version
 * and publishes {@link SurveyChanged} (the audit line) in its transaction. Its sections are
 * {@link BuilderSections}', its questions {@link BuilderQuestions}'; what a survey with answers keeps is
 * {@link BuilderRules}'.
 */
@Service
public class BuilderSurveys {

    /** A row of the operator's list of surveys. */
    public record ListRow(Survey survey, int submitted) {

        public SurveyPhase phase(Instant now) {
            return survey.phase(now);
        }
    }

    /** The suffix of a copy's title. */
    static final String COPY_SUFFIX = " (kopia)";

    private static final int TITLE_MAX = 300;

    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final BuilderWrites writes;
    private final BuilderRules rules;

    BuilderSurveys(
            JdbcClient jdbc,
            SurveyStore store,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock,
            BuilderWrites writes,
            BuilderRules rules) {
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.writes = writes;
        this.rules = rules;
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
            long sectionId = writes.insertSection(id, section.position(), section.title(), section.description());
            for (Question question : section.questions()) {
                long questionId = writes.insertQuestion(id, sectionId, question.position(), question);
                questions.put(question.id(), questionId);
                for (Choice option : question.options()) {
                    options.put(
                            option.id(),
                            writes.insertChoice("surveys_option", questionId, option.position(), option.label()));
                }
                for (Choice row : question.rows()) {
                    writes.insertChoice("surveys_matrix_row", questionId, row.position(), row.label());
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
        Survey before = writes.locked(surveyId);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("surveys.builder.stale");
        }
        List<Refused.Reason> reasons = new ArrayList<>();
        Set<Long> regions = directory.regions().stream().map(Region::id).collect(Collectors.toSet());
        if (!regions.containsAll(form.audienceRegions())) {
            reasons.add(new Refused.Reason("audienceRegions", "form.invalid"));
        }
        if (rules.answers(surveyId).any()) {
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
                        BuilderWrites.arrayLiteral(
                                form.audienceGroups().stream().map(Role::name).toList()))
                .param(
                        "regions",
                        BuilderWrites.arrayLiteral(form.audienceRegions().stream()
                                .sorted()
                                .map(String::valueOf)
                                .toList()))
                .param(
                        "kinds",
                        BuilderWrites.arrayLiteral(form.audienceKinds().stream()
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
        Survey before = writes.locked(surveyId);
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
        Survey before = writes.locked(surveyId);
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
        Survey before = writes.locked(surveyId);
        Optional<String> problem = deleteProblem(rules.answers(surveyId));
        if (problem.isPresent()) {
            throw Refused.conflict(problem.get());
        }
        jdbc.sql("delete from surveys_survey where id = :id")
                .param("id", surveyId)
                .update();
        events.publishEvent(new SurveyChanged(SurveyAction.SURVEY_DELETED, surveyId, before.auditValues(), null));
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
}
