package pl.koordes.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.NeedChanged;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.Needs;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.internal.NeedStatusRule.Outcome;
import pl.koordes.surveys.internal.NeedStore.Link;

/**
 * Recording needs and what answered them. Only the operator changes needs ({@link SurveyPermissions#isOperator});
 * each change locks the need, is audited ({@link NeedChanged}) and moves its status by {@link NeedStatusRule}.
 * Other modules link through {@link Needs}; {@link #refresh} is the job that notices events that have ended.
 */
@Service
public class NeedManagement implements Needs {

    private final JdbcClient jdbc;
    private final NeedStore store;
    private final SurveyStore surveys;
    private final Directory directory;
    private final SurveyPermissions permissions;
    private final EventDrafts eventDrafts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NeedManagement(
            JdbcClient jdbc,
            NeedStore store,
            SurveyStore surveys,
            Directory directory,
            SurveyPermissions permissions,
            EventDrafts eventDrafts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.surveys = surveys;
        this.directory = directory;
        this.permissions = permissions;
        this.eventDrafts = eventDrafts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NeedDetails> details(long needId) {
        return store.find(needId).map(need -> new NeedDetails(need.reference(), need.description()));
    }

    /**
     * Records a need, with the answer it was recognised in when the form names one.
     *
     * @return the new need's id
     * @throws Refused when the region, the survey, the answer or the question is not one that exists and fits
     */
    @Transactional
    public long create(CurrentUser user, NeedForm form) {
        requireOperator(user);
        @Nullable Long region = region(form.regionId());
        @Nullable Long survey = survey(form.surveyId());
        if (form.responseId() != null || form.questionId() != null) {
            if (survey == null || form.questionId() == null || !store.questionOf(survey, form.questionId())) {
                throw Refused.because("surveys.needs.source.invalid");
            }
            if (form.responseId() != null
                    && store.submittedAnswer(survey, form.responseId()).isEmpty()) {
                throw Refused.because("surveys.needs.source.invalid");
            }
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into surveys_need (survey_id, topic, region_id, description, created_by, created_at, updated_at)
                        values (:survey, :topic, :region, :description, :by, :now, :now) returning id
                        """)
                .param("survey", survey)
                .param("topic", Objects.requireNonNull(form.topic(), "form not checked"))
                .param("region", region)
                .param("description", Objects.requireNonNull(form.description(), "form not checked"))
                .param("by", user.id())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        Map<String, @Nullable Object> after = store.find(id).orElseThrow().auditValues();
        if (form.responseId() != null) {
            insertSource(id, form.responseId(), Objects.requireNonNull(form.questionId()));
            after.put("source", form.responseId() + ":" + form.questionId());
        }
        events.publishEvent(new NeedChanged(SurveyAction.NEED_CREATED, id, null, after));
        return id;
    }

    /**
     * Saves the form over the need. A day given in "answered on" marks it answered by hand; an empty one lets
     * the links decide again.
     *
     * @throws Refused a conflict when the need changed since the form was read; a field refusal for a region,
     *     survey or day that does not fit
     * @throws NotFound for an unknown need
     */
    @Transactional
    public void update(CurrentUser user, long id, NeedForm form) {
        requireOperator(user);
        Need before = lock(id);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("surveys.needs.stale");
        }
        @Nullable Long region = region(form.regionId());
        @Nullable Long survey = survey(form.surveyId());
        LocalDate answeredOn = form.answeredOn();
        Instant now = clock.instant();
        if (answeredOn != null && answeredOn.isAfter(now.atZone(Formats.ZONE).toLocalDate())) {
            throw Refused.field("answeredOn", "surveys.needs.answeredOn.future");
        }
        jdbc.sql("""
                        update surveys_need set topic = :topic, region_id = :region, description = :description,
                            survey_id = :survey, answered_marked = :marked,
                            status = case when :marked then 'ANSWERED' else status end,
                            answered_at = case when :marked then :answeredAt else answered_at end,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("topic", Objects.requireNonNull(form.topic(), "form not checked"))
                .param("region", region)
                .param("description", Objects.requireNonNull(form.description(), "form not checked"))
                .param("survey", survey)
                .param("marked", answeredOn != null)
                .param(
                        "answeredAt",
                        answeredOn == null
                                ? null
                                : Timestamp.from(
                                        answeredOn.atStartOfDay(Formats.ZONE).toInstant()))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
        Need after = recompute(store.find(id).orElseThrow());
        events.publishEvent(new NeedChanged(SurveyAction.NEED_UPDATED, id, before.auditValues(), after.auditValues()));
    }

    /** Deletes the need with its sources and links (the events and advice stay as they are). */
    @Transactional
    public Need delete(CurrentUser user, long id) {
        requireOperator(user);
        Need need = lock(id);
        jdbc.sql("delete from surveys_need where id = :id").param("id", id).update();
        events.publishEvent(new NeedChanged(SurveyAction.NEED_DELETED, id, need.auditValues(), null));
        return need;
    }

    /**
     * Links an existing event: the need is planned, or answered when the event has already ended.
     *
     * @throws Refused beside the field for an unknown, cancelled or already linked event
     */
    @Transactional
    public void linkEvent(CurrentUser user, long id, long eventId, String field) {
        requireOperator(user);
        Need need = lock(id);
        EventReference event = eventDrafts.findAny(List.of(eventId)).get(eventId);
        if (event == null) {
            throw Refused.field(field, "surveys.needs.event.unknown");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Refused.field(field, "surveys.needs.event.cancelled");
        }
        if (!insertLink(id, NeedLinkKind.EVENT, eventId, user.id())) {
            throw Refused.field(field, "surveys.needs.event.alreadyLinked");
        }
        linked(need, NeedLinkKind.EVENT, eventId);
    }

    /**
     * Creates a draft event from the need (its topic as the title, its description, its region; national for a
     * national need) through the events module, and links it.
     *
     * @return the new event's id
     */
    @Transactional
    public long createEvent(CurrentUser user, long id) {
        requireOperator(user);
        Need need = lock(id);
        long eventId = eventDrafts.create(user, need.topic(), need.description(), need.regionId());
        insertLink(id, NeedLinkKind.EVENT, eventId, user.id());
        linked(need, NeedLinkKind.EVENT, eventId);
        return eventId;
    }

    /** Removes a link; a need left with nothing is open again. */
    @Transactional
    public void unlink(CurrentUser user, long id, NeedLinkKind kind, long targetId) {
        requireOperator(user);
        Need need = lock(id);
        if (!deleteLink(id, kind, targetId)) {
            throw new NotFound("need link", id + "/" + kind + "/" + targetId);
        }
        unlinked(need, kind, targetId);
    }

    /**
     * Adds another answer the need was recognised in.
     *
     * @throws Refused when the answer is not a submitted one of that question's survey
     */
    @Transactional
    public void addSource(CurrentUser user, long id, long surveyId, long responseId, long questionId) {
        requireOperator(user);
        Need need = lock(id);
        if (!store.questionOf(surveyId, questionId)
                || store.submittedAnswer(surveyId, responseId).isEmpty()) {
            throw Refused.because("surveys.needs.source.invalid");
        }
        if (!insertSource(id, responseId, questionId)) {
            throw Refused.because("surveys.needs.source.known");
        }
        jdbc.sql("update surveys_need set row_version = row_version + 1, updated_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        Map<String, @Nullable Object> after = new LinkedHashMap<>(need.auditValues());
        after.put("source", responseId + ":" + questionId);
        events.publishEvent(new NeedChanged(SurveyAction.NEED_UPDATED, id, need.auditValues(), after));
    }

    @Override
    @Transactional
    public void link(long needId, NeedLinkKind kind, long targetId) {
        Need need = lock(needId);
        if (insertLink(needId, kind, targetId, null)) {
            linked(need, kind, targetId);
        }
    }

    @Override
    @Transactional
    public void unlink(long needId, NeedLinkKind kind, long targetId) {
        Need need = lock(needId);
        if (deleteLink(needId, kind, targetId)) {
            unlinked(need, kind, targetId);
        }
    }

    @Override
    @Transactional
    public void adviceGiven(long adviceId, Instant at) {
        List<Long> needs = jdbc.sql("""
                        update surveys_need_link set done_at = :at where kind = 'ADVICE' and target_id = :advice
                        returning need_id
                        """)
                .param("at", Timestamp.from(at))
                .param("advice", adviceId)
                .query(Long.class)
                .list();
        for (long id : needs.stream().sorted().toList()) {
            Need before = lock(id);
            Need after = recompute(before);
            if (after.status() != before.status()) {
                events.publishEvent(
                        new NeedChanged(SurveyAction.NEED_UPDATED, id, before.auditValues(), after.auditValues()));
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<NeedReference> needsAnsweredBy(NeedLinkKind kind, long targetId) {
        return store.answeredBy(kind, targetId);
    }

    /**
     * Moves needs whose linked events have ended (or been cancelled, moved or deleted) to the status the rule
     * gives now; each change is audited. Reads every linked need's links and events in two statements.
     *
     * @return how many needs changed
     */
    @Transactional
    public int refresh() {
        Map<Long, List<Link>> links = store.linksOfUnmarked();
        if (links.isEmpty()) {
            return 0;
        }
        List<Long> eventIds = links.values().stream()
                .flatMap(List::stream)
                .filter(l -> l.kind() == NeedLinkKind.EVENT)
                .map(Link::targetId)
                .distinct()
                .toList();
        Map<Long, EventReference> found = eventDrafts.findAny(eventIds);
        Instant now = clock.instant();
        List<Long> changed = new ArrayList<>();
        jdbc.sql("select * from surveys_need where id in (:ids) and not answered_marked order by id for update")
                .param("ids", List.copyOf(links.keySet()))
                .query(NeedStore::need)
                .list()
                .forEach(need -> {
                    Outcome outcome = NeedStatusRule.of(links.get(need.id()), found, now);
                    if (store(need, outcome)) {
                        changed.add(need.id());
                        Need after = store.find(need.id()).orElseThrow();
                        events.publishEvent(new NeedChanged(
                                SurveyAction.NEED_UPDATED, need.id(), need.auditValues(), after.auditValues()));
                    }
                });
        return changed.size();
    }

    private void linked(Need before, NeedLinkKind kind, long targetId) {
        Need after = recompute(before);
        Map<String, @Nullable Object> values = new LinkedHashMap<>(after.auditValues());
        values.put("kind", kind.name());
        values.put("target", targetId);
        events.publishEvent(new NeedChanged(SurveyAction.NEED_LINKED, before.id(), before.auditValues(), values));
    }

    private void unlinked(Need before, NeedLinkKind kind, long targetId) {
        Need after = recompute(before);
        Map<String, @Nullable Object> values = new LinkedHashMap<>(before.auditValues());
        values.put("kind", kind.name());
        values.put("target", targetId);
        events.publishEvent(new NeedChanged(SurveyAction.NEED_UNLINKED, before.id(), values, after.auditValues()));
    }

    /** The need with the status its links give now (unchanged when the operator marked it answered). */
    private Need recompute(Need need) {
        if (need.answeredMarked()) {
            return store.find(need.id()).orElseThrow();
        }
        List<Link> links = store.links(need.id());
        List<Long> eventIds = links.stream()
                .filter(l -> l.kind() == NeedLinkKind.EVENT)
                .map(Link::targetId)
                .toList();
        Outcome outcome = NeedStatusRule.of(links, eventDrafts.findAny(eventIds), clock.instant());
        store(need, outcome);
        return store.find(need.id()).orElseThrow();
    }

    /** Saves the outcome when it differs from what the need holds; whether it did. */
    private boolean store(Need need, Outcome outcome) {
        if (need.status() == outcome.status() && Objects.equals(need.answeredAt(), outcome.answeredAt())) {
            return false;
        }
        jdbc.sql("""
                        update surveys_need set status = :status, answered_at = :answeredAt,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("status", outcome.status().name())
                .param("answeredAt", outcome.answeredAt() == null ? null : Timestamp.from(outcome.answeredAt()))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", need.id())
                .update();
        return true;
    }

    private boolean insertLink(long needId, NeedLinkKind kind, long targetId, @Nullable Long by) {
        return jdbc.sql("""
                        insert into surveys_need_link (need_id, kind, target_id, linked_at, linked_by)
                        values (:need, :kind, :target, :now, :by) on conflict do nothing
                        """)
                        .param("need", needId)
                        .param("kind", kind.name())
                        .param("target", targetId)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("by", by)
                        .update()
                == 1;
    }

    private boolean deleteLink(long needId, NeedLinkKind kind, long targetId) {
        return jdbc.sql("delete from surveys_need_link where need_id = :need and kind = :kind and target_id = :target")
                        .param("need", needId)
                        .param("kind", kind.name())
                        .param("target", targetId)
                        .update()
                == 1;
    }

    private boolean insertSource(long needId, long responseId, long questionId) {
        return jdbc.sql("""
                        insert into surveys_need_source (need_id, response_id, question_id)
                        values (:need, :response, :question) on conflict do nothing
                        """)
                        .param("need", needId)
                        .param("response", responseId)
                        .param("question", questionId)
                        .update()
                == 1;
    }

    private Need lock(long id) {
        return store.lock(id).orElseThrow(() -> new NotFound("need", id));
    }

    private void requireOperator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Only the operator changes needs");
        }
    }

    private @Nullable Long region(@Nullable Long regionId) {
        if (regionId != null && directory.region(regionId).isEmpty()) {
            throw Refused.field("regionId", "surveys.needs.region.unknown");
        }
        return regionId;
    }

    private @Nullable Long survey(@Nullable Long surveyId) {
        if (surveyId != null && surveys.find(surveyId).isEmpty()) {
            throw Refused.field("surveyId", "surveys.needs.survey.unknown");
        }
        return surveyId;
    }

    /** The survey and question a new need's form names, if they fit together. */
    public Optional<SurveyDefinition.Question> question(long surveyId, long questionId) {
        return surveys.definition(surveyId).flatMap(d -> d.question(questionId));
    }
}
