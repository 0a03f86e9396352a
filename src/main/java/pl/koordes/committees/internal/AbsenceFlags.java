package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.AbsenceDecision;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.Presence;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * The three-absences rule applied to a committee ({@link AbsenceRule}): after each recording of attendance and
 * each cancellation, every member is judged over the committee's held meetings within their membership's dates.
 * A new streak becomes a flag (once: the unique index names a streak by its last meeting), audited, and the
 * region's coordinators are told; an undecided flag no longer supported after a correction is withdrawn (audited).
 * The secretary records the marshal's decision: DISMISSED ends the membership on the decision's date.
 */
@Service
public class AbsenceFlags {

    private record Stored(long id, long membershipId, List<Long> meetingIds, boolean decided) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final MeetingMail mail;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    AbsenceFlags(
            JdbcClient jdbc, Directory directory, MeetingMail mail, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mail = mail;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Judges every member of the space's committee again; returns how many new flags were raised. */
    @Transactional
    public int evaluate(CurrentUser user, CommitteeSpace space) {
        long committeeId = space.committee().id();
        List<CommitteeSeat> seats = directory.seats(committeeId);
        List<Map.Entry<Long, LocalDate>> held = jdbc.sql("""
                        select id, starts_at from committee_meeting where committee_id = :committee and status = 'HELD'
                        order by starts_at, id
                        """)
                .param("committee", committeeId)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class)
                                .atZoneSameInstant(Formats.ZONE)
                                .toLocalDate()))
                .list();
        Map<String, Presence> presence = new HashMap<>();
        jdbc.sql("""
                        select a.meeting_id, a.membership_id, a.presence from committee_attendance a
                        join committee_meeting m on m.id = a.meeting_id
                        where m.committee_id = :committee and m.status = 'HELD'
                        """)
                .param("committee", committeeId)
                .query((rs, n) -> Map.entry(rs.getLong(1) + ":" + rs.getLong(2), Presence.valueOf(rs.getString(3))))
                .list()
                .forEach(e -> presence.put(e.getKey(), e.getValue()));
        List<Stored> stored = jdbc.sql("""
                        select f.id, f.membership_id, f.meeting_ids, f.decision is not null from committee_absence_flag f
                        join committee_membership s on s.id = f.membership_id where s.committee_id = :committee
                        """)
                .param("committee", committeeId)
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        Arrays.asList((Long[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4)))
                .list();
        Map<Long, List<List<AbsenceRule.Held>>> streaks = new LinkedHashMap<>();
        for (CommitteeSeat seat : seats) {
            List<AbsenceRule.Held> during = new ArrayList<>();
            for (Map.Entry<Long, LocalDate> meeting : held) {
                if (seat.sitsOn(meeting.getValue())) {
                    during.add(new AbsenceRule.Held(
                            meeting.getKey(), meeting.getValue(), presence.get(meeting.getKey() + ":" + seat.id())));
                }
            }
            streaks.put(seat.id(), AbsenceRule.streaks(during));
        }
        for (Stored flag : stored) {
            boolean supported = streaks.getOrDefault(flag.membershipId(), List.of()).stream()
                    .anyMatch(streak -> ids(streak).equals(flag.meetingIds()));
            if (!supported && !flag.decided()) {
                withdraw(space, flag);
            }
        }
        int raised = 0;
        for (CommitteeSeat seat : seats) {
            for (List<AbsenceRule.Held> streak : streaks.getOrDefault(seat.id(), List.of())) {
                if (raise(space, seat, streak)) {
                    raised++;
                }
            }
        }
        return raised;
    }

    /**
     * Records the marshal's decision on an undecided flag. DISMISSED ends the membership on the decision's date
     * (the member leaves the current list and stays in the history).
     *
     * @throws Refused when the flag is decided already, or the date is before the last meeting of the streak
     */
    @Transactional
    public void decide(CurrentUser user, CommitteeSpace space, long flagId, DecisionForm form) {
        Stored flag = jdbc.sql("""
                        select f.id, f.membership_id, f.meeting_ids, f.decision is not null from committee_absence_flag f
                        where f.id = :id
                          and f.membership_id in (select s.id from committee_membership s where s.committee_id = :committee)
                        for update
                        """)
                .param("id", flagId)
                .param("committee", space.committee().id())
                .query((rs, n) -> new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        Arrays.asList((Long[]) rs.getArray(3).getArray()),
                        rs.getBoolean(4)))
                .optional()
                .orElseThrow(() -> new NotFound("committee absence flag", flagId));
        if (flag.decided()) {
            throw Refused.conflict("committees.meetings.flag.decided");
        }
        LocalDate decidedOn = Objects.requireNonNull(form.decisionDate());
        LocalDate last = jdbc.sql("select starts_at from committee_meeting where id = :id")
                .param("id", flag.meetingIds().getLast())
                .query(OffsetDateTime.class)
                .single()
                .atZoneSameInstant(Formats.ZONE)
                .toLocalDate();
        if (decidedOn.isBefore(last)) {
            throw Refused.field("decisionDate", "committees.meetings.decisionDate.beforeStreak");
        }
        AbsenceDecision decision = Objects.requireNonNull(form.decision());
        jdbc.sql("""
                        update committee_absence_flag set decision = :decision, decision_note = :note, decided_on = :on,
                            decided_by = :by, decided_at = :now
                        where id = :id
                        """)
                .param("decision", decision.name())
                .param("note", form.noteText())
                .param("on", decidedOn)
                .param("by", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", flagId)
                .update();
        Map<String, @Nullable Object> before = values(flag);
        Map<String, @Nullable Object> after = values(flag);
        after.put("decision", decision.name());
        after.put("decidedOn", decidedOn.toString());
        if (decision == AbsenceDecision.DISMISSED) {
            LocalDate termEnd = jdbc.sql("select term_end from committee_membership where id = :id for update")
                    .param("id", flag.membershipId())
                    .query(LocalDate.class)
                    .optional()
                    .orElse(null);
            if (termEnd == null || termEnd.isAfter(decidedOn)) {
                jdbc.sql("update committee_membership set term_end = :end where id = :id")
                        .param("end", decidedOn)
                        .param("id", flag.membershipId())
                        .update();
                before.put("termEnd", termEnd == null ? null : termEnd.toString());
                after.put("termEnd", decidedOn.toString());
            }
        }
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ABSENCE_DECIDED,
                CommitteeChanged.MEMBERSHIP,
                flag.membershipId(),
                space.region().id(),
                before,
                after));
    }

    private boolean raise(CommitteeSpace space, CommitteeSeat seat, List<AbsenceRule.Held> streak) {
        List<Long> ids = ids(streak);
        Long id = jdbc.sql("""
                        insert into committee_absence_flag (membership_id, meeting_ids, raised_at)
                        values (:membership, :ids, :now)
                        on conflict do nothing returning id
                        """)
                .param("membership", seat.id())
                .param("ids", ids.toArray(Long[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return false;
        }
        Map<String, @Nullable Object> after = values(new Stored(id, seat.id(), ids, false));
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ABSENCE_FLAGGED,
                CommitteeChanged.MEMBERSHIP,
                seat.id(),
                space.region().id(),
                null,
                after));
        mail.flagged(space, seat, streak.stream().map(AbsenceRule.Held::date).toList());
        return true;
    }

    private void withdraw(CommitteeSpace space, Stored flag) {
        jdbc.sql("delete from committee_absence_flag where id = :id")
                .param("id", flag.id())
                .update();
        Map<String, @Nullable Object> after = values(flag);
        after.put("withdrawn", true);
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ABSENCE_FLAGGED,
                CommitteeChanged.MEMBERSHIP,
                flag.membershipId(),
                space.region().id(),
                values(flag),
                after));
    }

    private static List<Long> ids(List<AbsenceRule.Held> streak) {
        return streak.stream().map(AbsenceRule.Held::meetingId).toList();
    }

    private static Map<String, @Nullable Object> values(Stored flag) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("flag", flag.id());
        values.put(
                "meetings",
                flag.meetingIds().stream().map(String::valueOf).toList().toString());
        values.put("decision", null);
        return values;
    }
}
