package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.MeetingAnswer;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.Presence;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Answers and attendance: a member linked to an account answers a convened meeting's invitation until it
 * starts (and may change the answer); from its start the secretary records each member sitting on its day as
 * present, excused or absent, which makes it HELD (recording again corrects it), and the three-absences rule is
 * evaluated again ({@link AbsenceFlags}). Each change locks the meeting and is audited.
 */
@Service
public class AttendanceManagement {

    private final JdbcClient jdbc;
    private final MeetingManagement meetings;
    private final Directory directory;
    private final AbsenceFlags flags;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AttendanceManagement(
            JdbcClient jdbc,
            MeetingManagement meetings,
            Directory directory,
            AbsenceFlags flags,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.directory = directory;
        this.flags = flags;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The seat through which this person answers the meeting: linked to their account, sitting on its day. */
    public Optional<CommitteeSeat> seatOf(CurrentUser user, Meeting meeting, List<CommitteeSeat> seats) {
        LocalDate day = day(meeting);
        return seats.stream()
                .filter(s -> Objects.equals(s.accountId(), user.id()) && s.sitsOn(day))
                .findFirst();
    }

    /** The members sitting on the meeting's day: those invited and whose attendance is recorded. */
    public static List<CommitteeSeat> sitting(Meeting meeting, List<CommitteeSeat> seats) {
        LocalDate day = day(meeting);
        return seats.stream().filter(s -> s.sitsOn(day)).toList();
    }

    /** Whether answers are still taken: the meeting is convened and has not started. */
    public boolean answerable(Meeting meeting) {
        return meeting.status() == MeetingStatus.CONVENED && clock.instant().isBefore(meeting.startsAt());
    }

    /** Whether attendance may be recorded: convened or held, and started. */
    public boolean recordable(Meeting meeting) {
        return (meeting.status() == MeetingStatus.CONVENED || meeting.status() == MeetingStatus.HELD)
                && !clock.instant().isBefore(meeting.startsAt());
    }

    /**
     * The member's answer, given or changed.
     *
     * @throws Refused when the meeting no longer takes answers or the person has no seat on it
     */
    @Transactional
    public void answer(CurrentUser user, CommitteeSpace space, long meetingId, AnswerForm form) {
        Meeting meeting = meetings.locked(space, meetingId);
        if (!answerable(meeting)) {
            throw Refused.conflict("committees.meetings.answer.closed");
        }
        CommitteeSeat seat = seatOf(
                        user, meeting, directory.seats(space.committee().id()))
                .orElseThrow(() -> Refused.conflict("committees.meetings.answer.noSeat"));
        MeetingAnswer answer = Objects.requireNonNull(form.meetingAnswer());
        String before = jdbc.sql(
                        "select answer from committee_meeting_answer where meeting_id = :m and membership_id = :s")
                .param("m", meetingId)
                .param("s", seat.id())
                .query(String.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                        insert into committee_meeting_answer (meeting_id, membership_id, answer, reason, answered_by, answered_at)
                        values (:m, :s, :answer, :reason, :by, :now)
                        on conflict (meeting_id, membership_id) do update set answer = excluded.answer,
                            reason = excluded.reason, answered_by = excluded.answered_by, answered_at = excluded.answered_at
                        """)
                .param("m", meetingId)
                .param("s", seat.id())
                .param("answer", answer.name())
                .param("reason", form.reasonText())
                .param("by", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_MEETING_ANSWERED,
                CommitteeChanged.MEETING,
                meetingId,
                space.region().id(),
                before == null ? null : answerValues(seat, before),
                answerValues(seat, answer.name())));
    }

    /**
     * Records (or corrects) the attendance: a row for every member sitting on the meeting's day, no other. The
     * meeting becomes HELD and the three-absences rule is evaluated again.
     *
     * @throws Refused when the meeting has not started or is not convened or held, or the rows do not match
     */
    @Transactional
    public void record(CurrentUser user, CommitteeSpace space, long meetingId, AttendanceForm form) {
        Meeting meeting = meetings.locked(space, meetingId);
        if (!recordable(meeting)) {
            throw Refused.conflict("committees.meetings.attendance.notYet");
        }
        List<CommitteeSeat> sitting =
                sitting(meeting, directory.seats(space.committee().id()));
        Set<Long> expected =
                new HashSet<>(sitting.stream().map(CommitteeSeat::id).toList());
        Map<Long, Presence> given = new LinkedHashMap<>();
        for (AttendanceForm.Row row : form.presences()) {
            given.put(Objects.requireNonNull(row.membershipId()), Objects.requireNonNull(row.presence()));
        }
        if (!given.keySet().equals(expected)) {
            throw Refused.conflict("committees.meetings.attendance.members");
        }
        Map<String, @Nullable Object> before = attendanceValues(meeting.status(), counts(meetingId));
        jdbc.sql("delete from committee_attendance where meeting_id = :m")
                .param("m", meetingId)
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Map.Entry<Long, Presence> row : given.entrySet()) {
            jdbc.sql("""
                            insert into committee_attendance (meeting_id, membership_id, presence, recorded_by, recorded_at)
                            values (:m, :s, :presence, :by, :now)
                            """)
                    .param("m", meetingId)
                    .param("s", row.getKey())
                    .param("presence", row.getValue().name())
                    .param("by", user.id())
                    .param("now", now)
                    .update();
        }
        jdbc.sql("""
                        update committee_meeting set status = 'HELD', attendance_recorded_at = :now,
                            attendance_recorded_by = :by, updated_at = :now, row_version = row_version + 1
                        where id = :m
                        """)
                .param("now", now)
                .param("by", user.id())
                .param("m", meetingId)
                .update();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ATTENDANCE_RECORDED,
                CommitteeChanged.MEETING,
                meetingId,
                space.region().id(),
                before,
                attendanceValues(MeetingStatus.HELD, counts(meetingId))));
        flags.evaluate(user, space);
    }

    private Map<Presence, Integer> counts(long meetingId) {
        Map<Presence, Integer> counts = new LinkedHashMap<>();
        for (Presence p : Presence.values()) {
            counts.put(p, 0);
        }
        jdbc.sql("select presence, count(*) from committee_attendance where meeting_id = :m group by presence")
                .param("m", meetingId)
                .query((rs, n) -> Map.entry(Presence.valueOf(rs.getString(1)), rs.getInt(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Map<String, @Nullable Object> attendanceValues(MeetingStatus status, Map<Presence, Integer> counts) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("status", status.name());
        values.put("present", counts.get(Presence.PRESENT));
        values.put("excused", counts.get(Presence.EXCUSED));
        values.put("absent", counts.get(Presence.ABSENT));
        return values;
    }

    private static Map<String, @Nullable Object> answerValues(CommitteeSeat seat, String answer) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("membership", seat.id());
        values.put("answer", answer);
        return values;
    }

    private static LocalDate day(Meeting meeting) {
        return meeting.startsAt().atZone(Formats.ZONE).toLocalDate();
    }
}
