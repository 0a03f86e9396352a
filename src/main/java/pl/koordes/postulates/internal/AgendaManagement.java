package pl.koordes.postulates.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.events.PublicEvents;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.postulates.internal.PostulateSteps.Step;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * The operator puts public postulates on national meetings' agendas and takes them off. Each change locks
 * the postulate (so two operators at once serialise), records the timeline's step and publishes the audited
 * {@link PostulateChanged} in its transaction.
 */
@Service
public class AgendaManagement {

    private final PostulateStore postulates;
    private final AgendaStore agenda;
    private final PostulateSteps steps;
    private final PostulatePermissions permissions;
    private final PublicEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AgendaManagement(
            PostulateStore postulates,
            AgendaStore agenda,
            PostulateSteps steps,
            PostulatePermissions permissions,
            PublicEvents events,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.postulates = postulates;
        this.agenda = agenda;
        this.steps = steps;
        this.permissions = permissions;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Puts the postulate on the chosen meeting's agenda. Throws {@link NotFound} for a postulate the operator
     * cannot see (a draft, an unknown id), {@link Refused} for a postulate that cannot go on an agenda (withdrawn,
     * merged) and for a meeting that is unknown, not national, cancelled, over, or already has it.
     */
    @Transactional
    public void add(long postulateId, AgendaForm form, CurrentUser operator) {
        Postulate postulate = lockVisible(postulateId, operator);
        if (!permissions.canPutOnAgenda(operator, postulate.status())) {
            throw Refused.because("postulates.agenda.refused.status");
        }
        Long meeting = form.meeting();
        if (meeting == null) {
            throw Refused.field("meeting", "postulates.agenda.meeting.required");
        }
        EventReference event =
                events.find(meeting).orElseThrow(() -> Refused.field("meeting", "postulates.agenda.meeting.unknown"));
        if (event.level() != EventLevel.NATIONAL) {
            throw Refused.field("meeting", "postulates.agenda.meeting.notNational");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Refused.field("meeting", "postulates.agenda.meeting.cancelled");
        }
        if (event.status() != EventStatus.PUBLISHED || !event.endsAt().isAfter(clock.instant())) {
            throw Refused.field("meeting", "postulates.agenda.meeting.over");
        }
        Map<String, @Nullable Object> before = values(postulate, agenda.events(postulateId));
        if (!agenda.add(postulateId, event.id(), clock.instant(), operator.id())) {
            throw Refused.field("meeting", "postulates.agenda.meeting.already");
        }
        steps.record(postulateId, StepKind.AGENDA, Step.event(event.id()));
        publisher.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_AGENDA_ADDED,
                postulateId,
                postulate.regionId(),
                before,
                values(postulate, agenda.events(postulateId))));
    }

    /** Takes the postulate off the meeting's agenda; {@link NotFound} when it is not on it. */
    @Transactional
    public void remove(long postulateId, long eventId, CurrentUser operator) {
        Postulate postulate = lockVisible(postulateId, operator);
        if (!permissions.isOperator(operator)) {
            throw new NotFound("postulate", postulateId);
        }
        List<Long> onAgenda = agenda.events(postulateId);
        if (!onAgenda.contains(eventId) || !agenda.remove(postulateId, eventId)) {
            throw new NotFound("agenda", eventId);
        }
        publisher.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_AGENDA_REMOVED,
                postulateId,
                postulate.regionId(),
                values(postulate, onAgenda),
                values(postulate, agenda.events(postulateId))));
    }

    private Postulate lockVisible(long postulateId, CurrentUser operator) {
        return postulates
                .lock(postulateId)
                .filter(p -> permissions.canSee(operator, p.status(), p.regionId()))
                .orElseThrow(() -> new NotFound("postulate", postulateId));
    }

    /** The audit's picture: the postulate's usual values and the meetings (event ids) on whose agenda it is. */
    private static Map<String, @Nullable Object> values(Postulate postulate, List<Long> eventIds) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(postulate.auditValues());
        values.put("agenda", eventIds.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return values;
    }
}
