package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryAction;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.HoursConsent;
import pl.koordes.advisory.internal.SessionRecords.Session;
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventReference;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.Needs;

/**
 * The sessions part of a case: the next session's date, sessions with their hours (beyond the limit they wait
 * for the operator's consent) and the tasks agreed in them ({@link TaskManagement}), and closing the case. Every change locks the
 * case first ({@link AdvisoryStore#lock}) so that two experts recording at once count each other's hours, checks
 * that the case's status allows it, and is audited ({@link AdvisoryChanged}). Who may do it is the controller's
 * question ({@link AdvisoryPermissions#canRecord}).
 */
@Service
public class SessionManagement {

    /** How many of the region's events the session form offers. */
    public static final int EVENT_CHOICES = 50;

    private final JdbcClient jdbc;
    private final AdvisoryStore cases;
    private final SessionStore store;
    private final SessionMail mail;
    private final EventDrafts events;
    private final Needs needs;
    private final TaskManagement tasks;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SessionManagement(
            JdbcClient jdbc,
            AdvisoryStore cases,
            SessionStore store,
            SessionMail mail,
            EventDrafts events,
            Needs needs,
            TaskManagement tasks,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.store = store;
        this.mail = mail;
        this.events = events;
        this.needs = needs;
        this.tasks = tasks;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Today in Europe/Warsaw. */
    public LocalDate today() {
        return clock.instant().atZone(Formats.ZONE).toLocalDate();
    }

    /**
     * Sets the next session's date. An accepted case becomes SCHEDULED; a case with sessions held stays IN_PROGRESS
     * (its status says what happened, the date what is planned). The region's coordinators are told.
     */
    @Transactional
    public void schedule(CurrentUser user, long requestId, ScheduleForm form) {
        AdvisoryRequest before = locked(requestId);
        if (!before.status().open()) {
            throw Refused.conflict("advisory.sessions.notOpen");
        }
        LocalDate on = Objects.requireNonNull(form.scheduledOn());
        if (on.isBefore(today())) {
            throw Refused.field("scheduledOn", "advisory.sessions.scheduledOn.past");
        }
        AdvisoryStatus status =
                before.status() == AdvisoryStatus.IN_PROGRESS ? AdvisoryStatus.IN_PROGRESS : AdvisoryStatus.SCHEDULED;
        jdbc.sql("""
                        update advisory_request set status = :status, scheduled_on = :on, updated_at = :now,
                            row_version = row_version + 1 where id = :id
                        """)
                .param("status", status.name())
                .param("on", on)
                .param("now", Timestamp.from(now()))
                .param("id", requestId)
                .update();
        AdvisoryRequest after = found(requestId);
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_REQUEST_UPDATED,
                requestId,
                before.regionId(),
                before.auditValues(),
                after.auditValues()));
        mail.scheduled(after, on, user.id());
    }

    /**
     * Records a session (and the follow-up tasks typed with it). The first session moves the case to IN_PROGRESS;
     * hours that take the counted total above the limit are stored with consent PENDING and the operators told.
     *
     * @return the session's id
     */
    @Transactional
    public long record(CurrentUser user, long requestId, SessionForm form) {
        AdvisoryRequest before = locked(requestId);
        if (!before.status().open()) {
            throw Refused.conflict("advisory.sessions.notOpen");
        }
        BigDecimal hours = checked(before, form, null);
        List<SessionForm.TaskRow> rows = form.filledTasks();
        for (int i = 0; i < form.taskRows().size(); i++) {
            SessionForm.TaskRow row = form.taskRows().get(i);
            if (!row.isBlank()) {
                tasks.check(before, row.asTaskForm(), "tasks[" + i + "].");
            }
        }
        BigDecimal counted = store.countedHours(requestId, null);
        boolean beyond = beyondLimit(before, counted, hours);
        Instant now = now();
        long sessionId = jdbc.sql("""
                        insert into advisory_session (request_id, account_id, held_on, hours, mode, participants, summary,
                            recommendations, event_id, consent, created_at, updated_at)
                        values (:r, :account, :held, :hours, :mode, :participants, :summary, :recommendations, :event,
                            :consent, :now, :now)
                        returning id
                        """)
                .param("r", requestId)
                .param("account", user.id())
                .param("held", form.heldOn())
                .param("hours", hours)
                .param("mode", Objects.requireNonNull(form.sessionMode()).name())
                .param("participants", form.participantsText())
                .param("summary", form.summaryText())
                .param("recommendations", form.recommendationsText())
                .param("event", form.eventId())
                .param("consent", beyond ? HoursConsent.PENDING.name() : null)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        saveInstitutions(sessionId, form.institutionIdList());
        LocalDate held = Objects.requireNonNull(form.heldOn());
        // The plan is kept while it is still ahead of the session just held.
        LocalDate scheduled =
                before.scheduledOn() != null && before.scheduledOn().isAfter(held) ? before.scheduledOn() : null;
        jdbc.sql("""
                        update advisory_request set status = 'IN_PROGRESS', scheduled_on = :scheduled, updated_at = :now,
                            row_version = row_version + 1 where id = :id
                        """)
                .param("scheduled", scheduled)
                .param("now", Timestamp.from(now))
                .param("id", requestId)
                .update();
        Session session = session(requestId, sessionId);
        Map<String, @Nullable Object> after = new LinkedHashMap<>(session.auditValues());
        after.put("status", AdvisoryStatus.IN_PROGRESS.name());
        Map<String, @Nullable Object> was = new LinkedHashMap<>();
        was.put("status", before.status().name());
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_SESSION_RECORDED, requestId, before.regionId(), was, after));
        for (SessionForm.TaskRow row : rows) {
            tasks.insert(user, before, sessionId, row.asTaskForm());
        }
        mail.recorded(before, held, user.id());
        if (beyond) {
            mail.hoursConsent(before, sessionId, hours, counted, user.id());
        }
        return sessionId;
    }

    /**
     * Saves the form over a session read at {@code form.version()}. Changed hours are checked against the limit
     * again (beyond it: PENDING, the operators told); unchanged hours keep the operator's answer.
     *
     * @throws Refused a conflict when the session changed since the form was read
     */
    @Transactional
    public void update(CurrentUser user, long requestId, long sessionId, SessionForm form) {
        AdvisoryRequest request = locked(requestId);
        Session before = session(requestId, sessionId);
        changeable(user, request);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("advisory.sessions.stale");
        }
        BigDecimal hours = checked(request, form, before.eventId());
        HoursConsent consent = before.consent();
        boolean newlyPending = false;
        BigDecimal counted = store.countedHours(requestId, sessionId);
        if (hours.compareTo(before.hours()) != 0) {
            consent = beyondLimit(request, counted, hours) ? HoursConsent.PENDING : null;
            newlyPending = consent == HoursConsent.PENDING;
        }
        boolean consentKept = consent == before.consent() && !newlyPending;
        jdbc.sql("""
                        update advisory_session set held_on = :held, hours = :hours, mode = :mode,
                            participants = :participants, summary = :summary, recommendations = :recommendations,
                            event_id = :event, consent = :consent,
                            consent_by = case when :kept then consent_by end,
                            consent_at = case when :kept then consent_at end,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("held", form.heldOn())
                .param("hours", hours)
                .param("mode", Objects.requireNonNull(form.sessionMode()).name())
                .param("participants", form.participantsText())
                .param("summary", form.summaryText())
                .param("recommendations", form.recommendationsText())
                .param("event", form.eventId())
                .param("consent", consent == null ? null : consent.name())
                .param("kept", consentKept)
                .param("now", Timestamp.from(now()))
                .param("id", sessionId)
                .update();
        jdbc.sql("delete from advisory_session_institution where session_id = :s")
                .param("s", sessionId)
                .update();
        saveInstitutions(sessionId, form.institutionIdList());
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_SESSION_UPDATED,
                requestId,
                request.regionId(),
                before.auditValues(),
                session(requestId, sessionId).auditValues()));
        if (newlyPending) {
            mail.hoursConsent(request, sessionId, hours, counted, user.id());
        }
    }

    /**
     * Removes a session (its tasks stay, without the session). A case left with no session goes back to
     * SCHEDULED when a date is still ahead, otherwise to ACCEPTED.
     */
    @Transactional
    public void remove(CurrentUser user, long requestId, long sessionId) {
        AdvisoryRequest request = locked(requestId);
        Session before = session(requestId, sessionId);
        changeable(user, request);
        jdbc.sql("delete from advisory_session where id = :id")
                .param("id", sessionId)
                .update();
        Map<String, @Nullable Object> values = new LinkedHashMap<>(before.auditValues());
        if (request.status() == AdvisoryStatus.IN_PROGRESS && store.sessionCount(requestId) == 0) {
            boolean planned =
                    request.scheduledOn() != null && !request.scheduledOn().isBefore(today());
            AdvisoryStatus status = planned ? AdvisoryStatus.SCHEDULED : AdvisoryStatus.ACCEPTED;
            jdbc.sql("""
                            update advisory_request set status = :status, updated_at = :now,
                                row_version = row_version + 1 where id = :id
                            """)
                    .param("status", status.name())
                    .param("now", Timestamp.from(now()))
                    .param("id", requestId)
                    .update();
            values.put("status", request.status().name());
        }
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_SESSION_REMOVED, requestId, request.regionId(), values, null));
    }

    /**
     * Creates a draft event of the case's region from a group session (the operator's; the events module checks
     * who may organise it) and links the session to it; the draft names the topic only, the case stays
     * confidential.
     *
     * @return the event's id
     */
    @Transactional
    public long createEvent(CurrentUser user, long requestId, long sessionId, String topic, String title) {
        AdvisoryRequest request = locked(requestId);
        Session before = session(requestId, sessionId);
        changeable(user, request);
        if (request.kind() != AdvisoryKind.GROUP) {
            throw Refused.field("eventId", "advisory.sessions.event.individual");
        }
        long eventId = events.create(user, title, topic, request.regionId());
        jdbc.sql("update advisory_session set event_id = :e, row_version = row_version + 1, updated_at = :now"
                        + " where id = :id")
                .param("e", eventId)
                .param("now", Timestamp.from(now()))
                .param("id", sessionId)
                .update();
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_SESSION_UPDATED,
                requestId,
                request.regionId(),
                before.auditValues(),
                session(requestId, sessionId).auditValues()));
        return eventId;
    }

    /**
     * Closes the case with the final recommendation: COMPLETED, the region's coordinators told (and invited to
     * rate it), the needs it answers count the advice as given.
     *
     * @throws Refused a conflict while a session waits for the operator's consent or when the case is not open
     */
    @Transactional
    public void complete(CurrentUser user, long requestId, CloseForm form) {
        AdvisoryRequest before = locked(requestId);
        if (before.status() != AdvisoryStatus.IN_PROGRESS && before.status() != AdvisoryStatus.SCHEDULED) {
            throw Refused.conflict("advisory.sessions.close.notOpen");
        }
        if (store.pendingCount(requestId) > 0) {
            throw Refused.conflict("advisory.sessions.close.pending");
        }
        Instant now = now();
        jdbc.sql("""
                        update advisory_request set status = 'COMPLETED', final_recommendation = :text,
                            completed_at = :now, scheduled_on = null, updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("text", form.text())
                .param("now", Timestamp.from(now))
                .param("id", requestId)
                .update();
        AdvisoryRequest after = found(requestId);
        Map<String, @Nullable Object> values = new LinkedHashMap<>(after.auditValues());
        values.put("finalRecommendation", SessionRecords.fingerprint(form.text()));
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_COMPLETED, requestId, before.regionId(), before.auditValues(), values));
        mail.completed(after, user.id());
        needs.adviceGiven(requestId, now);
    }

    /** Whether sessions may be changed: while open; the operator corrects also a completed case. */
    public static boolean sessionsChangeable(AdvisoryStatus status, boolean operator) {
        return status.open() || (operator && status == AdvisoryStatus.COMPLETED);
    }

    private void changeable(CurrentUser user, AdvisoryRequest request) {
        boolean operator = user.has(Role.EDITOR) || user.administrator();
        if (!sessionsChangeable(request.status(), operator)) {
            throw Refused.conflict("advisory.sessions.notOpen");
        }
    }

    /** The form's values checked against today and the database; returns the hours. */
    private BigDecimal checked(AdvisoryRequest request, SessionForm form, @Nullable Long linkedEvent) {
        List<Refused.Reason> reasons = new ArrayList<>();
        LocalDate held = Objects.requireNonNull(form.heldOn());
        if (held.isAfter(today())) {
            reasons.add(new Refused.Reason("heldOn", "advisory.sessions.heldOn.future"));
        }
        Set<Long> institutions = new HashSet<>();
        store.institutions(request.regionId()).forEach(i -> institutions.add(i.id()));
        if (!institutions.containsAll(form.institutionIdList())) {
            reasons.add(new Refused.Reason("institutionIds", "advisory.sessions.institutions.invalid"));
        }
        Long eventId = form.eventId();
        if (eventId != null && !eventId.equals(linkedEvent)) {
            if (request.kind() != AdvisoryKind.GROUP) {
                reasons.add(new Refused.Reason("eventId", "advisory.sessions.event.individual"));
            } else if (events.latestInRegion(request.regionId(), EVENT_CHOICES).stream()
                    .map(EventReference::id)
                    .noneMatch(eventId::equals)) {
                reasons.add(new Refused.Reason("eventId", "advisory.sessions.event.invalid"));
            }
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        return form.parsedHours().orElseThrow(() -> Refused.field("hours", "advisory.sessions.hours.invalid"));
    }

    private static boolean beyondLimit(AdvisoryRequest request, BigDecimal counted, BigDecimal hours) {
        BigDecimal limit = request.hoursLimit();
        return limit != null && counted.add(hours).compareTo(limit) > 0;
    }

    private void saveInstitutions(long sessionId, List<Long> institutionIds) {
        for (long institution : institutionIds) {
            jdbc.sql("insert into advisory_session_institution (session_id, institution_id) values (:s, :i)")
                    .param("s", sessionId)
                    .param("i", institution)
                    .update();
        }
    }

    private AdvisoryRequest locked(long requestId) {
        return cases.lock(requestId).orElseThrow(() -> new NotFound("advisory", requestId));
    }

    private AdvisoryRequest found(long requestId) {
        return cases.find(requestId).orElseThrow(() -> new NotFound("advisory", requestId));
    }

    private Session session(long requestId, long sessionId) {
        return store.session(requestId, sessionId).orElseThrow(() -> new NotFound("advisory session", sessionId));
    }

    private Instant now() {
        return clock.instant();
    }
}
