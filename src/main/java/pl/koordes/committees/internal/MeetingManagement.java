package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.directory.Directory;
import pl.koordes.events.MirroredEvents;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * The secretary's work on meetings: a draft prepared and changed (optimistic locking on {@code row_version}),
 * convened (invitations with the {@code .ics}), changed after convening (members told) and cancelled with a
 * reason (members told, the three-absences rule evaluated again). A public meeting is mirrored by a public event
 * ({@link MirroredEvents}) from its convening. Every change locks the meeting and is audited. Who may do it is
 * the controller's question ({@link CommitteePermissions#canManage}).
 */
@Service
public class MeetingManagement {

    private final JdbcClient jdbc;
    private final MeetingStore store;
    private final Directory directory;
    private final MeetingMail mail;
    private final MirroredEvents mirrored;
    private final AbsenceFlags flags;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MeetingManagement(
            JdbcClient jdbc,
            MeetingStore store,
            Directory directory,
            MeetingMail mail,
            MirroredEvents mirrored,
            AbsenceFlags flags,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
        this.mail = mail;
        this.mirrored = mirrored;
        this.flags = flags;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Today in Europe/Warsaw. */
    public LocalDate today() {
        return clock.instant().atZone(Formats.ZONE).toLocalDate();
    }

    /** Now. */
    public Instant now() {
        return clock.instant();
    }

    /** Prepares a draft meeting of the space's committee; returns its id. */
    @Transactional
    public long create(CurrentUser user, CommitteeSpace space, MeetingForm form) {
        long id = jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, place, online_url,
                            agenda, public_meeting, created_by, created_at, updated_at)
                        values (:committee, :region, :title, :starts, :ends, :place, :online, :agenda, :public, :by, :now, :now)
                        returning id
                        """)
                .param("committee", space.committee().id())
                .param("region", space.region().id())
                .params(values(form))
                .param("by", user.id())
                .param("now", Timestamp.from(now()))
                .query(Long.class)
                .single();
        Meeting after = store.find(space.region().id(), id).orElseThrow();
        publish(CommitteeAction.COMMITTEE_MEETING_CREATED, after, null, MeetingAudit.of(after));
        return id;
    }

    /**
     * Saves the form over a meeting read at {@code form.version()}. A convened meeting's members are told; a
     * public one's event follows.
     *
     * @throws Refused a conflict when the meeting changed since the form was read, or is held or cancelled
     */
    @Transactional
    public void update(CurrentUser user, CommitteeSpace space, long id, MeetingForm form) {
        Meeting before = locked(space, id);
        if (before.status() == MeetingStatus.HELD || before.status() == MeetingStatus.CANCELLED) {
            throw Refused.conflict("committees.meetings.notChangeable");
        }
        if (!Objects.equals(form.version(), before.rowVersion())) {
            throw Refused.conflict("committees.meetings.stale");
        }
        jdbc.sql("""
                        update committee_meeting set title = :title, starts_at = :starts, ends_at = :ends, place = :place,
                            online_url = :online, agenda = :agenda, public_meeting = :public, updated_at = :now,
                            row_version = row_version + 1
                        where id = :id
                        """)
                .params(values(form))
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .update();
        Meeting after = found(space, id);
        if (after.status() == MeetingStatus.CONVENED) {
            after = mirror(user, space, after);
            if (mattersToMembers(before, after)) {
                mail.changed(space, after, directory.seats(space.committee().id()));
            }
        }
        publish(CommitteeAction.COMMITTEE_MEETING_UPDATED, after, MeetingAudit.of(before), MeetingAudit.of(after));
    }

    /** Convenes a draft: invitations to the members sitting on its day, the public event if it is public. */
    @Transactional
    public void convene(CurrentUser user, CommitteeSpace space, long id) {
        Meeting before = locked(space, id);
        if (before.status() != MeetingStatus.DRAFT) {
            throw Refused.conflict("committees.meetings.notDraft");
        }
        jdbc.sql("""
                        update committee_meeting set status = 'CONVENED', convened_at = :now, convened_by = :by,
                            updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("now", Timestamp.from(now()))
                .param("by", user.id())
                .param("id", id)
                .update();
        Meeting after = mirror(user, space, found(space, id));
        mail.invited(space, after, directory.seats(space.committee().id()));
        publish(CommitteeAction.COMMITTEE_MEETING_CONVENED, after, MeetingAudit.of(before), MeetingAudit.of(after));
    }

    /**
     * Cancels a meeting that has not been held (attendance recorded) with a reason: a convened meeting's members
     * are told, its event cancelled. A held meeting cannot be cancelled (it took place).
     */
    @Transactional
    public void cancel(CurrentUser user, CommitteeSpace space, long id, CancelForm form) {
        Meeting before = locked(space, id);
        if (!cancellable(before)) {
            throw Refused.conflict("committees.meetings.notCancellable");
        }
        jdbc.sql("""
                        update committee_meeting set status = 'CANCELLED', cancel_reason = :reason, updated_at = :now,
                            row_version = row_version + 1
                        where id = :id
                        """)
                .param("reason", Objects.requireNonNull(form.cancelReason()))
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .update();
        Meeting after = found(space, id);
        if (after.eventId() != null) {
            mirrored.cancel(user, after.eventId());
        }
        if (before.status() == MeetingStatus.CONVENED) {
            mail.cancelled(space, after, directory.seats(space.committee().id()));
        }
        publish(CommitteeAction.COMMITTEE_MEETING_CANCELLED, after, MeetingAudit.of(before), MeetingAudit.of(after));
        flags.evaluate(user, space);
    }

    /** Whether the meeting may still be cancelled: a draft or a convened meeting. */
    public static boolean cancellable(Meeting meeting) {
        return meeting.status() == MeetingStatus.DRAFT || meeting.status() == MeetingStatus.CONVENED;
    }

    /** The meeting locked for a change; another region's meeting is not found. */
    Meeting locked(CommitteeSpace space, long id) {
        Meeting meeting = store.lock(id).orElseThrow(() -> new NotFound("committee meeting", id));
        if (meeting.regionId() != space.region().id()
                || meeting.committeeId() != space.committee().id()) {
            throw new NotFound("committee meeting", id);
        }
        return meeting;
    }

    private Meeting found(CommitteeSpace space, long id) {
        return store.find(space.region().id(), id).orElseThrow(() -> new NotFound("committee meeting", id));
    }

    /** Keeps the public event in step with a convened meeting: created, updated, or cancelled when no longer public. */
    private Meeting mirror(CurrentUser user, CommitteeSpace space, Meeting meeting) {
        Long eventId = meeting.eventId();
        if (meeting.publicMeeting()) {
            MirroredEvents.Mirror mirror = new MirroredEvents.Mirror(
                    space.region().id(),
                    meeting.title(),
                    meeting.agenda(),
                    meeting.startsAt(),
                    meeting.endsAt(),
                    meeting.place(),
                    meeting.onlineUrl());
            if (eventId == null) {
                long created = mirrored.publish(user, mirror);
                jdbc.sql("update committee_meeting set event_id = :event where id = :id")
                        .param("event", created)
                        .param("id", meeting.id())
                        .update();
                return found(space, meeting.id());
            }
            mirrored.update(user, eventId, mirror);
        } else if (eventId != null) {
            mirrored.cancel(user, eventId);
        }
        return meeting;
    }

    private static boolean mattersToMembers(Meeting before, Meeting after) {
        return !before.startsAt().equals(after.startsAt())
                || !before.endsAt().equals(after.endsAt())
                || !Objects.equals(before.place(), after.place())
                || !Objects.equals(before.onlineUrl(), after.onlineUrl())
                || !before.title().equals(after.title())
                || !before.agenda().equals(after.agenda());
    }

    private static Map<String, @Nullable Object> values(MeetingForm form) {
        java.util.HashMap<String, @Nullable Object> values = new java.util.HashMap<>();
        values.put("title", form.titleText());
        values.put("starts", Timestamp.from(form.startsAt()));
        values.put("ends", Timestamp.from(form.endsAt()));
        values.put("place", form.placeText());
        values.put("online", form.onlineUrlText());
        values.put("agenda", form.agendaText());
        values.put("public", form.publicChosen());
        return values;
    }

    private void publish(
            CommitteeAction action,
            Meeting meeting,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        publisher.publishEvent(new CommitteeChanged(
                action, CommitteeChanged.MEETING, meeting.id(), meeting.regionId(), before, after));
    }
}
