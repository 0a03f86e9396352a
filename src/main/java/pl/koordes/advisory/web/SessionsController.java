package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.HoursConsent;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.advisory.internal.CloseForm;
import pl.koordes.advisory.internal.ScheduleForm;
import pl.koordes.advisory.internal.SessionForm;
import pl.koordes.advisory.internal.SessionManagement;
import pl.koordes.advisory.internal.SessionRecords;
import pl.koordes.advisory.internal.SessionStore;
import pl.koordes.advisory.internal.TaskForm;
import pl.koordes.advisory.internal.TaskManagement;
import pl.koordes.events.EventDrafts;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The sessions part of a case: the next session's date, recording, correcting and removing sessions, follow-up
 * tasks, and closing the case with a final recommendation. The case's assigned experts record (the operator may
 * correct); anyone else who sees the case reads it on its page only (403 here), and whoever may not see the case
 * is told there is none (404) — an expert recording on another expert's case included. A session or task id of
 * another case is not found either.
 */
@Controller
class SessionsController {

    private static final String CASE = "/doradztwo/{id}";

    private final AdvisoryStore cases;
    private final SessionStore store;
    private final SessionManagement sessions;
    private final TaskManagement tasks;
    private final AdvisoryPermissions permissions;
    private final EventDrafts events;
    private final Messages messages;

    SessionsController(
            AdvisoryStore cases,
            SessionStore store,
            SessionManagement sessions,
            TaskManagement tasks,
            AdvisoryPermissions permissions,
            EventDrafts events,
            Messages messages) {
        this.cases = cases;
        this.store = store;
        this.sessions = sessions;
        this.tasks = tasks;
        this.permissions = permissions;
        this.events = events;
        this.messages = messages;
    }

    @PostMapping(CASE + "/termin")
    String schedule(
            CurrentUser user,
            @PathVariable long id,
            @Valid ScheduleForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    sessions.schedule(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.sessions.scheduled");
                    return "redirect:" + found.request().href();
                },
                errors -> {
                    model.addAttribute("advisoryCase", found);
                    model.addAttribute("form", form);
                    model.addAttribute("errors", errors);
                    return "advisory/sessions/schedule";
                });
    }

    @GetMapping(CASE + "/sesje/nowa")
    String newSession(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = recorder(user, id);
        return form(model, user, found, null, SessionForm.empty(sessions.today()), FormErrors.none());
    }

    @PostMapping(CASE + "/sesje/nowa")
    String record(
            CurrentUser user,
            @PathVariable long id,
            @Valid SessionForm form,
            BindingResult result,
            @RequestParam(name = "wiersz", required = false) @Nullable String anotherTask,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        if (anotherTask != null) {
            return form(model, user, found, null, form.withAnotherTask(), FormErrors.none());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long sessionId = sessions.record(user, id, form);
                    boolean pending = store.session(id, sessionId)
                            .map(s -> s.consent() == HoursConsent.PENDING)
                            .orElse(false);
                    redirect.addFlashAttribute(
                            "notice", pending ? "advisory.sessions.recorded.pending" : "advisory.sessions.recorded");
                    return "redirect:" + found.request().href() + "#sesje";
                },
                errors -> form(model, user, found, null, form, errors));
    }

    @GetMapping(CASE + "/sesje/{sessionId}")
    String edit(CurrentUser user, @PathVariable long id, @PathVariable long sessionId, Model model) {
        AdvisoryCase found = recorder(user, id);
        SessionRecords.Session session = session(id, sessionId);
        return form(model, user, found, session, SessionForm.of(session), FormErrors.none());
    }

    /** Saves the session, or ({@code utworz}) creates a draft event of the region from it and links it. */
    @PostMapping(CASE + "/sesje/{sessionId}")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @Valid SessionForm form,
            BindingResult result,
            @RequestParam(name = "utworz", required = false) @Nullable String createEvent,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        SessionRecords.Session session = session(id, sessionId);
        if (createEvent != null) {
            if (!permissions.isOperator(user)) {
                throw new AccessDeniedException("Draft events are the operator's");
            }
            String topic = found.topicPl();
            long eventId = sessions.createEvent(
                    user,
                    id,
                    sessionId,
                    messages.get(Language.PL.locale(), "advisory.sessions.event.draftDescription", topic),
                    messages.get(Language.PL.locale(), "advisory.sessions.event.draftTitle", topic));
            redirect.addFlashAttribute("notice", "advisory.sessions.event.created");
            return "redirect:" + EventDrafts.editPath(eventId);
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    sessions.update(user, id, sessionId, form);
                    boolean pending = store.session(id, sessionId)
                            .map(s -> s.consent() == HoursConsent.PENDING)
                            .orElse(false);
                    redirect.addFlashAttribute(
                            "notice", pending ? "advisory.sessions.saved.pending" : "advisory.sessions.saved");
                    return "redirect:" + found.request().href() + "#sesje";
                },
                errors -> form(model, user, found, session, form, errors));
    }

    @GetMapping(CASE + "/sesje/{sessionId}/usun")
    String confirmRemove(
            CurrentUser user, @PathVariable long id, @PathVariable long sessionId, Locale locale, Model model) {
        AdvisoryCase found = recorder(user, id);
        SessionRecords.Session session = session(id, sessionId);
        String path = session.path() + "/usun";
        Confirmation confirmation = Confirmation.of(
                        path,
                        found.request().href() + "#sesje",
                        "advisory.sessions.confirm.remove.title",
                        "advisory.sessions.confirm.remove.button")
                .subject(messages.get(
                        locale,
                        "advisory.sessions.confirm.remove.subject",
                        Formats.date(session.heldOn()),
                        found.request().title()))
                .consequence(
                        "advisory.sessions.confirm.remove.hours",
                        session.hours().doubleValue())
                .consequence("advisory.sessions.confirm.remove.tasks")
                .consequence("confirm.irreversible");
        if (!SessionManagement.sessionsChangeable(found.request().status(), permissions.isOperator(user))) {
            confirmation = confirmation.refused("advisory.sessions.notOpen");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(CASE + "/sesje/{sessionId}/usun")
    String remove(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        SessionRecords.Session session = session(id, sessionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + session.path() + "/usun";
        }
        sessions.remove(user, id, sessionId);
        redirect.addFlashAttribute("notice", "advisory.sessions.removed");
        return "redirect:" + found.request().href() + "#sesje";
    }

    @PostMapping(CASE + "/zadania")
    String addTask(
            CurrentUser user,
            @PathVariable long id,
            @Valid TaskForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    tasks.addTask(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.sessions.task.added");
                    return "redirect:" + found.request().href() + "#zadania";
                },
                errors -> {
                    model.addAttribute("advisoryCase", found);
                    model.addAttribute("form", form);
                    model.addAttribute("errors", errors);
                    model.addAttribute("owners", store.owners(found.request().regionId(), id));
                    return "advisory/sessions/task";
                });
    }

    @PostMapping(CASE + "/zadania/{taskId}/wykonane")
    String taskDone(CurrentUser user, @PathVariable long id, @PathVariable long taskId, RedirectAttributes redirect) {
        AdvisoryCase found = CaseController.visibleCase(cases, permissions, user, id);
        SessionRecords.Task task = store.task(id, taskId).orElseThrow(() -> new NotFound("advisory task", taskId));
        if (!permissions.canMarkDone(user, task.ownerId(), found.expertIds())) {
            throw new AccessDeniedException("Only the task's owner, the experts and the operator mark it done");
        }
        tasks.taskDone(user, id, taskId);
        redirect.addFlashAttribute("notice", "advisory.sessions.task.done");
        return "redirect:" + found.request().href() + "#zadania";
    }

    @GetMapping(CASE + "/zakoncz")
    String closeForm(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = recorder(user, id);
        return closePage(model, found, new CloseForm(""), FormErrors.none());
    }

    @PostMapping(CASE + "/zakoncz")
    String close(
            CurrentUser user,
            @PathVariable long id,
            @Valid CloseForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = recorder(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    sessions.complete(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.sessions.completed");
                    return "redirect:" + found.request().href();
                },
                errors -> closePage(model, found, form, errors));
    }

    /**
     * A task row whose index is no number, negative or too large (binding a form record parses the index itself):
     * a malformed request, not a server error.
     */
    @ExceptionHandler({InvalidPropertyException.class, NumberFormatException.class})
    void malformed(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    private String closePage(Model model, AdvisoryCase found, CloseForm form, FormErrors errors) {
        List<SessionRecords.Session> list = store.sessions(found.request().id());
        model.addAttribute("advisoryCase", found);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sessionCount", list.size());
        model.addAttribute(
                "pending",
                list.stream().filter(s -> s.consent() == HoursConsent.PENDING).count());
        model.addAttribute("counted", counted(list));
        model.addAttribute(
                "openTasks",
                store.tasks(found.request().id()).stream()
                        .filter(t -> t.doneAt() == null)
                        .count());
        model.addAttribute(
                "closable",
                found.request().status() == AdvisoryStatus.IN_PROGRESS
                        || found.request().status() == AdvisoryStatus.SCHEDULED);
        return "advisory/sessions/close";
    }

    private String form(
            Model model,
            CurrentUser user,
            AdvisoryCase found,
            SessionRecords.@Nullable Session session,
            SessionForm form,
            FormErrors errors) {
        long id = found.request().id();
        model.addAttribute("advisoryCase", found);
        model.addAttribute("session", session);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("institutions", store.institutions(found.request().regionId()));
        model.addAttribute(
                "events",
                found.request().kind() == AdvisoryKind.GROUP
                        ? events.latestInRegion(found.request().regionId(), SessionManagement.EVENT_CHOICES)
                        : List.of());
        model.addAttribute(
                "owners", session == null ? store.owners(found.request().regionId(), id) : List.of());
        model.addAttribute("counted", store.countedHours(id, session == null ? null : session.id()));
        model.addAttribute("operator", permissions.isOperator(user));
        return "advisory/sessions/form";
    }

    private static BigDecimal counted(List<SessionRecords.Session> list) {
        return list.stream()
                .filter(SessionRecords.Session::counted)
                .map(SessionRecords.Session::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The case if this person records on it: 404 when they may not see it, 403 when they only read it. */
    private AdvisoryCase recorder(CurrentUser user, long id) {
        AdvisoryCase found = CaseController.visibleCase(cases, permissions, user, id);
        if (!permissions.canRecord(user, found.expertIds())) {
            throw new AccessDeniedException("Only the case's experts and the operator record on it");
        }
        return found;
    }

    private SessionRecords.Session session(long id, long sessionId) {
        return store.session(id, sessionId).orElseThrow(() -> new NotFound("advisory session", sessionId));
    }
}
