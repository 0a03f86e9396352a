package pl.koordes.advisory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryAction;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.SessionRecords.Task;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Follow-up tasks of a case: added with a session ({@link SessionManagement#record}) or on their own, marked
 * done, and reminded once when past their date. Every change locks the case first and is audited.
 */
@Service
public class TaskManagement {

    private final JdbcClient jdbc;
    private final AdvisoryStore cases;
    private final SessionStore store;
    private final SessionMail mail;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    TaskManagement(
            JdbcClient jdbc,
            AdvisoryStore cases,
            SessionStore store,
            SessionMail mail,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.store = store;
        this.mail = mail;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Adds a follow-up task; an owner with an account is told. */
    @Transactional
    public long addTask(CurrentUser user, long requestId, TaskForm form) {
        AdvisoryRequest request = locked(requestId);
        if (!taskable(request.status())) {
            throw Refused.conflict("advisory.sessions.notOpen");
        }
        check(request, form, "");
        return insert(user, request, null, form);
    }

    /** Marks a task done (nothing happens when it already is). */
    @Transactional
    public void taskDone(CurrentUser user, long requestId, long taskId) {
        AdvisoryRequest request = locked(requestId);
        Task before = store.task(requestId, taskId).orElseThrow(() -> new NotFound("advisory task", taskId));
        if (before.doneAt() != null) {
            return;
        }
        jdbc.sql("update advisory_task set done_at = :now where id = :id")
                .param("now", Timestamp.from(now()))
                .param("id", taskId)
                .update();
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_TASK_DONE,
                requestId,
                request.regionId(),
                before.auditValues(),
                store.task(requestId, taskId).orElseThrow().auditValues()));
    }

    /**
     * Reminds once of one task past its due date: its owner with an account, or — for a typed owner, or an owner
     * whose account is gone — the case's assigned experts, who agreed the task with them.
     *
     * @return how many people were told; 0 when the task was done or reminded meanwhile
     */
    @Transactional
    public int remind(long requestId, long taskId, LocalDate today) {
        AdvisoryRequest request = locked(requestId);
        Task task = store.task(requestId, taskId).orElse(null);
        if (task == null
                || task.doneAt() != null
                || task.remindedOn() != null
                || !task.dueOn().isBefore(today)) {
            return 0;
        }
        List<Long> to = new ArrayList<>();
        if (task.ownerId() != null && !store.contacts(List.of(task.ownerId())).isEmpty()) {
            to.add(task.ownerId());
        } else {
            to.addAll(cases.assignedExperts(requestId));
        }
        jdbc.sql("update advisory_task set reminded_on = :today where id = :id")
                .param("today", today)
                .param("id", taskId)
                .update();
        int told = mail.overdue(request, task, to);
        Map<String, @Nullable Object> after = new LinkedHashMap<>(task.auditValues());
        after.put("remindedOn", today.toString());
        after.put("reminded", told);
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_TASK_REMINDED, requestId, request.regionId(), task.auditValues(), after));
        return told;
    }

    /** Whether tasks may be added: from acceptance on, also after closing (follow-up). */
    public static boolean taskable(AdvisoryStatus status) {
        return status.open() || status == AdvisoryStatus.COMPLETED;
    }

    /** The task's owner and date checked; {@code prefix} names the fields of a task row in a session form. */
    void check(AdvisoryRequest request, TaskForm form, String prefix) {
        List<Refused.Reason> reasons = new ArrayList<>();
        if (form.dueOn() != null && form.dueOn().isBefore(today())) {
            reasons.add(new Refused.Reason(prefix + "dueOn", "advisory.sessions.task.dueOn.past"));
        }
        Long owner = form.ownerId();
        if (owner != null
                && store.owners(request.regionId(), request.id()).stream().noneMatch(o -> o.accountId() == owner)) {
            reasons.add(new Refused.Reason(prefix + "ownerId", "advisory.sessions.task.owner.invalid"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
    }

    /** Stores a task (of a session, or of the case when {@code sessionId} is null), audited; the owner is told. */
    long insert(CurrentUser user, AdvisoryRequest request, @Nullable Long sessionId, TaskForm form) {
        LocalDate due = Objects.requireNonNull(form.dueOn());
        long taskId = jdbc.sql("""
                        insert into advisory_task (request_id, session_id, description, owner_id, owner_name, due_on,
                            created_at)
                        values (:r, :s, :description, :owner, :name, :due, :now)
                        returning id
                        """)
                .param("r", request.id())
                .param("s", sessionId)
                .param("description", form.descriptionText())
                .param("owner", form.ownerId())
                .param("name", form.ownerId() == null ? form.ownerName() : "")
                .param("due", due)
                .param("now", Timestamp.from(now()))
                .query(Long.class)
                .single();
        publisher.publishEvent(new AdvisoryChanged(
                AdvisoryAction.ADVISORY_TASK_ADDED,
                request.id(),
                request.regionId(),
                null,
                store.task(request.id(), taskId).orElseThrow().auditValues()));
        if (form.ownerId() != null) {
            mail.taskAssigned(request, form.descriptionText(), due, form.ownerId(), user.id());
        }
        return taskId;
    }

    private AdvisoryRequest locked(long requestId) {
        return cases.lock(requestId).orElseThrow(() -> new NotFound("advisory", requestId));
    }

    private LocalDate today() {
        return clock.instant().atZone(Formats.ZONE).toLocalDate();
    }

    private Instant now() {
        return clock.instant();
    }
}
