package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.AnswerSheet.AnswerRow;
import pl.koordes.surveys.internal.AnsweringRows.Response;

/**
 * Answering a survey: the form with their draft or answer, saving a draft, submitting and changing an
 * answer, and the operator's preview (the person's list of surveys is {@link AnsweringList}'s, an anonymous
 * submission {@link AnsweringAnonymously}'s). The server decides everything the form
 * shows: who may answer ({@link SurveyAudience}), when (the survey's phase), which questions count (their
 * conditions) and what shape each value has ({@link AnswerSheet}).
 *
 * <p>Every change locks the survey first ({@link SurveyStore#lock}), so two people of one institution
 * saving or submitting at once wait for each other; the response's {@code row_version} then refuses the
 * one who saved over an answer read before the other's save (409, the typed answers shown again), and the
 * partial unique indexes keep one answer per person and per institution whatever happens.
 */
@Service
public class AnsweringManagement {

    private final SurveyStore surveys;
    private final SurveyAudience audience;
    private final SurveyPermissions permissions;
    private final AnsweringRows rows;
    private final AnsweringAnonymously anonymously;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnsweringManagement(
            SurveyStore surveys,
            SurveyAudience audience,
            SurveyPermissions permissions,
            AnsweringRows rows,
            AnsweringAnonymously anonymously,
            Directory directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.surveys = surveys;
        this.audience = audience;
        this.permissions = permissions;
        this.rows = rows;
        this.anonymously = anonymously;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What the form shows a respondent.
     *
     * @param response their (or their institution's) draft or answer, if any
     * @param participated whether they took part in this anonymous survey (nothing links them to the answer)
     * @param sheet the answers to show: the draft's or answer's, or none
     * @param regions the regions to declare from, when the role says none (else empty)
     * @param kinds the institution kinds to declare from, when the role says none (else empty)
     */
    public record Form(
            SurveyDefinition definition,
            Respondent respondent,
            @Nullable Response response,
            boolean participated,
            AnswerSheet sheet,
            List<Region> regions,
            List<InstitutionKind> kinds,
            SurveyPhase phase,
            Instant now) {

        public Survey survey() {
            return definition.survey();
        }

        public boolean submitted() {
            return participated || (response != null && response.submitted());
        }

        /** Whether the form takes answers now: open, and not submitted unless changes are allowed. */
        public boolean editable() {
            return phase == SurveyPhase.OPEN && (!submitted() || survey().changesAllowed(now));
        }

        public @Nullable Integer version() {
            return response == null ? null : response.rowVersion();
        }

        /** The question and option a conditional question depends on, as the note under it names them. */
        public List<String> condition(SurveyDefinition.Question question) {
            Long option = question.conditionOptionId();
            if (option == null) {
                return List.of();
            }
            return definition
                    .questionOfOption(option)
                    .flatMap(source -> source.options().stream()
                            .filter(o -> o.id() == option)
                            .findFirst()
                            .map(o -> List.of(source.text(), o.label())))
                    .orElse(List.of());
        }

        /** The question a field of the form belongs to, for the error summary; null for the declared fields. */
        public @Nullable String questionText(String field) {
            return definition
                    .questions()
                    .filter(q -> field.equals(AnswerSheet.field(q)) || field.startsWith(AnswerSheet.field(q) + "-"))
                    .map(SurveyDefinition.Question::text)
                    .findFirst()
                    .orElse(null);
        }

        /** Whether the question is shown with the answers of the sheet (a copy shows only those). */
        public boolean shown(SurveyDefinition.Question question) {
            return sheet.shown(definition, question);
        }

        /** When the survey closes, as people read it; "" when it has no date. */
        public String closesAt() {
            Instant closes = survey().closesAt();
            return closes == null ? "" : Formats.dateTime(closes);
        }

        public String opensAt() {
            Instant opens = survey().opensAt();
            return opens == null ? "" : Formats.dateTime(opens);
        }
    }

    /** The form of a survey for a respondent. Not published: not there; not in the audience: refused. */
    @Transactional(readOnly = true)
    public Form form(CurrentUser user, Survey survey, boolean viaLink) {
        Instant now = clock.instant();
        Respondent respondent = respondent(user, survey, viaLink);
        SurveyDefinition definition = surveys.definition(survey);
        Response response = rows.own(survey.id(), respondent).orElse(null);
        boolean participated = survey.anonymous() && rows.participated(survey.id(), user.id());
        AnswerSheet sheet = response == null
                ? AnswerSheet.empty()
                : AnswerSheet.of(definition, rows.answers(response.id()), response.regionId(), response.kind());
        return form(definition, respondent, response, participated, sheet, now);
    }

    /** The form shown again with what was typed. */
    @Transactional(readOnly = true)
    public Form formAgain(CurrentUser user, Survey survey, boolean viaLink, Map<String, List<String>> parameters) {
        Instant now = clock.instant();
        Respondent respondent = respondent(user, survey, viaLink);
        SurveyDefinition definition = surveys.definition(survey);
        Response response = rows.own(survey.id(), respondent).orElse(null);
        boolean participated = survey.anonymous() && rows.participated(survey.id(), user.id());
        return form(definition, respondent, response, participated, AnswerSheet.read(definition, parameters), now);
    }

    /** The operator's preview: the form as a respondent without a role would see it, empty or as typed. */
    @Transactional(readOnly = true)
    public Form preview(CurrentUser user, long surveyId, @Nullable Map<String, List<String>> parameters) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Preview is the operator's");
        }
        Survey survey = surveys.find(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
        SurveyDefinition definition = surveys.definition(survey);
        AnswerSheet sheet = parameters == null ? AnswerSheet.empty() : AnswerSheet.read(definition, parameters);
        Respondent nobody = new Respondent(user.id(), null, null, null);
        return new Form(
                definition,
                nobody,
                null,
                false,
                sheet,
                directory.regions(),
                declarableKinds(survey),
                SurveyPhase.OPEN,
                clock.instant());
    }

    /** The preview's check of typed answers, as a submission would check them; nothing is stored. */
    public Map<String, String> check(Form form) {
        return form.sheet()
                .check(
                        form.definition(),
                        true,
                        form.respondent().regionId() == null,
                        regionIds(form.regions()),
                        form.kinds());
    }

    /** What a save did, for the notice and the next page. */
    public enum Saved {
        DRAFT,
        SUBMITTED,
        CHANGED
    }

    /**
     * Saves a draft ({@code submit} false: only formats are checked) or submits (everything is checked).
     * Refused: the survey is not open or was answered already (409), someone saved since the form was read
     * (409), or the answers do not pass (422, field by field). Not in the audience: denied.
     *
     * @param version the response's version the form was read at, or null when there was none
     */
    @Transactional
    public Saved save(
            CurrentUser user,
            long surveyId,
            boolean viaLink,
            Map<String, List<String>> parameters,
            @Nullable Integer version,
            boolean submit) {
        Instant now = clock.instant();
        Survey survey = surveys.lock(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
        Respondent respondent = respondent(user, survey, viaLink);
        SurveyPhase phase = survey.phase(now);
        if (phase == SurveyPhase.CLOSED) {
            throw Refused.conflict("surveys.answering.closed");
        }
        if (phase != SurveyPhase.OPEN) {
            throw Refused.conflict("surveys.answering.notOpen");
        }
        SurveyDefinition definition = surveys.definition(survey);
        AnswerSheet sheet = AnswerSheet.read(definition, parameters);
        Response own = rows.own(survey.id(), respondent).orElse(null);
        if (survey.anonymous() && rows.participated(survey.id(), user.id())) {
            throw Refused.conflict("surveys.answering.alreadySubmitted");
        }
        boolean change = own != null && own.submitted();
        if (change && !survey.changesAllowed(now)) {
            throw Refused.conflict("surveys.answering.alreadySubmitted");
        }
        if (own == null ? version != null : (version == null || version != own.rowVersion())) {
            throw Refused.conflict(
                    own != null && own.submitted() && version == null
                            ? "surveys.answering.alreadySubmitted"
                            : "surveys.answering.stale");
        }
        boolean submitting = submit || change;
        List<InstitutionKind> kinds = respondent.kind() == null ? declarableKinds(survey) : List.of();
        List<Region> regions = respondent.regionId() == null ? directory.regions() : List.of();
        Map<String, String> errors =
                sheet.check(definition, submitting, respondent.regionId() == null, regionIds(regions), kinds);
        if (!errors.isEmpty()) {
            throw Refused.all(errors.entrySet().stream()
                    .map(e -> new Refused.Reason(e.getKey(), e.getValue()))
                    .toList());
        }
        List<AnswerRow> answers = sheet.rows(definition);
        Long regionId = respondent.regionId() != null ? respondent.regionId() : sheet.declaredRegion();
        InstitutionKind kind = respondent.kind() != null ? respondent.kind() : sheet.declaredKind();
        try {
            if (submitting && survey.anonymous()) {
                return anonymously.submit(user, survey, respondent, own, answers, regionId, kind, now);
            }
            long responseId;
            if (own == null) {
                responseId = rows.insert(survey.id(), respondent, regionId, kind, submitting, now);
            } else {
                if (!rows.update(own.id(), own.rowVersion(), user.id(), regionId, kind, submitting, now)) {
                    throw Refused.conflict("surveys.answering.stale");
                }
                responseId = own.id();
            }
            rows.replaceAnswers(responseId, answers, false);
            Saved saved = change ? Saved.CHANGED : submitting ? Saved.SUBMITTED : Saved.DRAFT;
            Map<String, @Nullable Object> after = new LinkedHashMap<>();
            if (!survey.anonymous()) {
                after.put("response", responseId);
            }
            after.put("status", submitting ? "SUBMITTED" : "DRAFT");
            after.put("answers", answers.size());
            events.publishEvent(new SurveyChanged(action(saved), survey.id(), null, after));
            return saved;
        } catch (DuplicateKeyException raced) {
            // The survey lock serialises answers; the unique indexes are the last word if anything slips by.
            throw Refused.conflict("surveys.answering.alreadySubmitted");
        }
    }

    /** The submitted answer of the person (non-anonymous surveys), for the copy; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<Form> copy(CurrentUser user, Survey survey) {
        Form form = form(user, survey, true);
        return form.submitted() ? Optional.of(form) : Optional.empty();
    }

    /** The copy of an anonymous answer right after submitting: the submitted values, read from the form again. */
    @Transactional(readOnly = true)
    public Form copyOfTyped(CurrentUser user, Survey survey, Map<String, List<String>> parameters) {
        return formAgain(user, survey, true, parameters);
    }

    /** The copy of an anonymous answer from the values that travelled from the submitted form. */
    @Transactional(readOnly = true)
    public Form copyOfSnapshot(CurrentUser user, Survey survey, Map<?, ?> snapshot) {
        Instant now = clock.instant();
        Respondent respondent = respondent(user, survey, true);
        SurveyDefinition definition = surveys.definition(survey);
        return form(definition, respondent, null, true, AnswerSheet.restore(definition, snapshot), now);
    }

    /** The survey a respondent's address names: not published is not there (but for the operator). */
    @Transactional(readOnly = true)
    public Survey visible(CurrentUser user, long surveyId) {
        Survey survey = surveys.find(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
        if (!survey.published() && !permissions.isOperator(user)) {
            throw new NotFound("survey", surveyId);
        }
        return survey;
    }

    /** The survey of an "anyone with the link" address; not there when the token is not one or not published. */
    @Transactional(readOnly = true)
    public Survey byLink(String token) {
        Survey survey = surveys.findByLinkToken(token).orElseThrow(() -> new NotFound("survey link", "?"));
        if (!survey.published()) {
            throw new NotFound("survey link", "?");
        }
        return survey;
    }

    private Respondent respondent(CurrentUser user, Survey survey, boolean viaLink) {
        return audience.respondent(survey, user, viaLink)
                .orElseThrow(() -> new AccessDeniedException("Not in the survey's audience"));
    }

    private Form form(
            SurveyDefinition definition,
            Respondent respondent,
            @Nullable Response response,
            boolean participated,
            AnswerSheet sheet,
            Instant now) {
        Survey survey = definition.survey();
        return new Form(
                definition,
                respondent,
                response,
                participated,
                sheet,
                respondent.regionId() == null ? directory.regions() : List.of(),
                respondent.kind() == null ? declarableKinds(survey) : List.of(),
                survey.phase(now),
                now);
    }

    /** The kinds a respondent may declare: the audience's, or all. */
    static List<InstitutionKind> declarableKinds(Survey survey) {
        return survey.audienceKinds().isEmpty() ? Arrays.asList(InstitutionKind.values()) : survey.audienceKinds();
    }

    private static Set<Long> regionIds(List<Region> regions) {
        return regions.stream().map(Region::id).collect(Collectors.toSet());
    }

    private static SurveyAction action(Saved saved) {
        return switch (saved) {
            case DRAFT -> SurveyAction.SURVEY_ANSWER_SAVED;
            case SUBMITTED -> SurveyAction.SURVEY_ANSWER_SUBMITTED;
            case CHANGED -> SurveyAction.SURVEY_ANSWER_CHANGED;
        };
    }
}
