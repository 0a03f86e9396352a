package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * The sessions part's messages, queued in the transaction that decided them: the operators about hours beyond a
 * case's limit (e-mail and notice), the region's coordinators about a planned or recorded session (notice) and a
 * completed case (e-mail and notice), a task's owner about a task given to them and one past its date. The one
 * who made the change is never told of it.
 */
@Component
class SessionMail {

    static final String HOURS_CONSENT = "advisory/sessions/mail/advisoryHoursConsent";
    static final String TASK_ASSIGNED = "advisory/sessions/mail/advisoryTaskAssigned";
    static final String TASK_OVERDUE = "advisory/sessions/mail/advisoryTaskOverdue";
    static final String COMPLETED = "advisory/sessions/mail/advisoryCompleted";

    private final Mailer mailer;
    private final RoleHolders holders;
    private final SessionStore store;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionMail(
            Mailer mailer,
            RoleHolders holders,
            SessionStore store,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mailer = mailer;
        this.holders = holders;
        this.store = store;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Hours beyond the limit wait for the operators' consent: every operator but the one who recorded them. */
    void hoursConsent(AdvisoryRequest request, long sessionId, BigDecimal hours, BigDecimal counted, long actor) {
        String path = request.href() + "/sesje/" + sessionId + "/zgoda";
        BigDecimal limit = request.hoursLimit() == null ? BigDecimal.ZERO : request.hoursLimit();
        for (RoleHolders.Holder holder : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            if (holder.accountId() == actor) {
                continue;
            }
            Map<String, Object> model = model(request, path);
            model.put("sessionsHours", SessionForm.hoursText(hours));
            model.put("sessionsCounted", SessionForm.hoursText(counted));
            model.put("sessionsLimit", SessionForm.hoursText(limit));
            Locale locale = locale(holder);
            mailer.send(holder.email(), locale, HOURS_CONSENT, model);
            notice(
                    holder,
                    "advisory-hours-consent",
                    messages.get(
                            locale,
                            "advisory.sessions.notice.consent",
                            request.title(),
                            SessionForm.hoursText(hours),
                            SessionForm.hoursText(limit)),
                    path);
        }
    }

    /** A session was recorded: the region's coordinators, in the application. */
    void recorded(AdvisoryRequest request, LocalDate heldOn, long actor) {
        for (RoleHolders.Holder holder : coordinators(request)) {
            if (holder.accountId() != actor) {
                notice(
                        holder,
                        "advisory-session-recorded",
                        messages.get(
                                locale(holder),
                                "advisory.sessions.notice.recorded",
                                request.title(),
                                Formats.date(heldOn)),
                        request.href());
            }
        }
    }

    /** The next session was planned: the region's coordinators, in the application. */
    void scheduled(AdvisoryRequest request, LocalDate on, long actor) {
        for (RoleHolders.Holder holder : coordinators(request)) {
            if (holder.accountId() != actor) {
                notice(
                        holder,
                        "advisory-session-scheduled",
                        messages.get(
                                locale(holder),
                                "advisory.sessions.notice.scheduled",
                                request.title(),
                                Formats.date(on)),
                        request.href());
            }
        }
    }

    /** The case was closed: the region's coordinators by e-mail (inviting them to rate it) and in the application. */
    void completed(AdvisoryRequest request, long actor) {
        for (RoleHolders.Holder holder : coordinators(request)) {
            if (holder.accountId() == actor) {
                continue;
            }
            Locale locale = locale(holder);
            mailer.send(holder.email(), locale, COMPLETED, model(request, request.href()));
            notice(
                    holder,
                    "advisory-completed",
                    messages.get(locale, "advisory.sessions.notice.completed", request.title()),
                    request.href());
        }
    }

    /** A task was given to an account: its owner by e-mail and in the application, unless they gave it themselves. */
    void taskAssigned(AdvisoryRequest request, String description, LocalDate due, long ownerId, long actor) {
        if (ownerId == actor) {
            return;
        }
        for (RoleHolders.Holder holder : store.contacts(List.of(ownerId))) {
            Locale locale = locale(holder);
            Map<String, Object> model = model(request, request.href());
            model.put("sessionsTask", description);
            model.put("sessionsDueOn", Formats.date(due));
            mailer.send(holder.email(), locale, TASK_ASSIGNED, model);
            notice(
                    holder,
                    "advisory-task-assigned",
                    messages.get(locale, "advisory.sessions.notice.task", request.title(), Formats.date(due)),
                    request.href());
        }
    }

    /** A task is past its date: these people by e-mail and in the application; returns how many were told. */
    int overdue(AdvisoryRequest request, SessionRecords.Task task, List<Long> to) {
        List<RoleHolders.Holder> contacts = store.contacts(to);
        for (RoleHolders.Holder holder : contacts) {
            Locale locale = locale(holder);
            Map<String, Object> model = model(request, request.href());
            model.put("sessionsTask", task.description());
            model.put("sessionsDueOn", Formats.date(task.dueOn()));
            model.put("sessionsOwner", task.owner());
            mailer.send(holder.email(), locale, TASK_OVERDUE, model);
            notice(
                    holder,
                    "advisory-task-overdue",
                    messages.get(
                            locale,
                            "advisory.sessions.notice.overdue",
                            request.title(),
                            Formats.date(task.dueOn()),
                            task.owner()),
                    request.href());
        }
        return contacts.size();
    }

    private List<RoleHolders.Holder> coordinators(AdvisoryRequest request) {
        return holders.active(List.of(Role.REGIONAL_COORDINATOR), request.regionId());
    }

    private static Map<String, Object> model(AdvisoryRequest request, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("sessionsTitle", request.title());
        model.put("path", path);
        return model;
    }

    private void notice(RoleHolders.Holder holder, String kind, String text, String link) {
        events.publishEvent(NoticeRequested.of(holder.accountId(), kind, text, link, clock.instant()));
    }

    private static Locale locale(RoleHolders.Holder holder) {
        return Language.fromCode(holder.language()).locale();
    }
}
