package pl.koordes.advisory.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.HoursConsent;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.SessionManagement;
import pl.koordes.advisory.internal.SessionRecords;
import pl.koordes.advisory.internal.SessionStore;
import pl.koordes.advisory.internal.TaskForm;
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventReference;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.PageFactory;

/**
 * "Sesje i zadania" on a case's page: the sessions (with their hours, the consent they wait for, the event they
 * were held as), the hours counted against the limit, the follow-up tasks; and for the assigned experts and the
 * operator the forms and links that change them. Read in a fixed number of statements whatever the case holds.
 */
@Component
class SessionsSection implements CaseSection {

    private final SessionStore store;
    private final AdvisoryPermissions permissions;
    private final SessionManagement sessions;
    private final EventDrafts events;
    private final PageFactory pages;
    private final TemplateEngine templates;

    SessionsSection(
            SessionStore store,
            AdvisoryPermissions permissions,
            SessionManagement sessions,
            EventDrafts events,
            PageFactory pages,
            TemplateEngine templates) {
        this.store = store;
        this.permissions = permissions;
        this.sessions = sessions;
        this.events = events;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Content> render(AdvisoryCase advisoryCase, CurrentUser user, HttpServletRequest request) {
        AdvisoryStatus status = advisoryCase.request().status();
        if (status == AdvisoryStatus.SUBMITTED
                || status == AdvisoryStatus.DECLINED
                || status == AdvisoryStatus.WITHDRAWN) {
            return Optional.empty();
        }
        long id = advisoryCase.request().id();
        List<SessionRecords.Session> list = store.sessions(id);
        List<SessionRecords.Task> tasks = store.tasks(id);
        boolean recorder = permissions.canRecord(user, advisoryCase.expertIds());
        List<Long> eventIds = list.stream()
                .map(SessionRecords.Session::eventId)
                .filter(Objects::nonNull)
                .toList();
        Map<Long, EventReference> linked = eventIds.isEmpty() ? Map.of() : events.findAny(eventIds);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("advisoryCase", advisoryCase);
        model.put("sessions", list);
        model.put("tasks", tasks);
        model.put("events", linked);
        model.put("counted", sum(list, s -> s.counted()));
        model.put("pending", sum(list, s -> s.consent() == HoursConsent.PENDING));
        model.put("refused", sum(list, s -> s.consent() == HoursConsent.REFUSED));
        model.put("today", sessions.today());
        model.put("recorder", recorder);
        model.put("operator", permissions.isOperator(user));
        model.put("userId", user.id());
        model.put("experts", advisoryCase.expertIds());
        model.put("owners", recorder ? store.owners(advisoryCase.request().regionId(), id) : List.of());
        model.put("taskForm", TaskForm.empty());
        model.put("errors", FormErrors.none());
        return Optional.of(output -> templates.render("advisory/sessions/section.jte", model, output));
    }

    private static BigDecimal sum(List<SessionRecords.Session> list, Predicate<SessionRecords.Session> which) {
        return list.stream().filter(which).map(SessionRecords.Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
