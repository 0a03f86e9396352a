package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.MinutesStatus;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * The minutes of a held meeting: the secretary saves versions (each a new row, none overwritten), sends them to
 * the members for remarks until a day ({@link MinutesProperties#remarksDays} after today unless chosen), the
 * members remark until that day, and the secretary adopts them (final). Every change locks the meeting's row
 * ({@link MeetingStore#lock}) and is audited on the meeting ({@link CommitteeChanged}).
 */
@Service
public class MinutesManagement {

    private final JdbcClient jdbc;
    private final MeetingStore meetings;
    private final MinutesStore store;
    private final Directory directory;
    private final MinutesMail mail;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final int remarksDays;

    MinutesManagement(
            JdbcClient jdbc,
            MeetingStore meetings,
            MinutesStore store,
            Directory directory,
            MinutesMail mail,
            ApplicationEventPublisher publisher,
            Clock clock,
            MinutesProperties properties) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.store = store;
        this.directory = directory;
        this.mail = mail;
        this.publisher = publisher;
        this.clock = clock;
        this.remarksDays = properties.remarksDays();
    }

    public LocalDate today() {
        return clock.instant().atZone(Formats.ZONE).toLocalDate();
    }

    /** The day remarks are due unless the secretary chooses another. */
    public LocalDate defaultRemarksUntil() {
        return today().plusDays(remarksDays);
    }

    /** The member's seat on the meeting's committee on its day, when their account is linked to one. */
    public Optional<CommitteeSeat> seatOf(@Nullable CurrentUser user, Meeting meeting) {
        if (user == null) {
            return Optional.empty();
        }
        LocalDate day = day(meeting);
        return directory.seats(meeting.committeeId()).stream()
                .filter(s -> Objects.equals(s.accountId(), user.id()) && s.sitsOn(day))
                .findFirst();
    }

    /** Whether the person may remark: a member linked to a seat, or holding the region's committee-member role. */
    public boolean canRemark(@Nullable CurrentUser user, Meeting meeting) {
        return user != null
                && (user.has(Role.COMMITTEE_MEMBER, meeting.regionId())
                        || seatOf(user, meeting).isPresent());
    }

    /**
     * Saves a new version of the minutes (the first creates them as a draft). Adopted minutes are final.
     *
     * @return the version's number
     */
    @Transactional
    public int save(long userId, long meetingId, MinutesForms.TextForm form) {
        Meeting meeting = locked(meetingId);
        if (meeting.status() != MeetingStatus.HELD) {
            throw Refused.conflict("committees.minutes.notHeld");
        }
        Optional<MinutesStore.Minutes> minutes = store.find(meetingId);
        int read = minutes.map(MinutesStore.Minutes::rowVersion).orElse(0);
        if (form.version() == null || form.version() != read) {
            throw Refused.conflict("committees.minutes.stale");
        }
        if (minutes.map(m -> m.status() == MinutesStatus.ADOPTED).orElse(false)) {
            throw Refused.conflict("committees.minutes.adopted");
        }
        if (minutes.isEmpty()) {
            jdbc.sql("insert into committee_minutes (meeting_id) values (:m)")
                    .param("m", meetingId)
                    .update();
        }
        int number = jdbc.sql(
                        "select coalesce(max(number), 0) + 1 from committee_minutes_version where meeting_id = :m")
                .param("m", meetingId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into committee_minutes_version (meeting_id, number, body, note, created_by, created_at)
                        values (:m, :n, :body, :note, :by, :now)
                        """)
                .param("m", meetingId)
                .param("n", number)
                .param("body", form.bodyText())
                .param("note", form.noteText().isEmpty() ? null : form.noteText())
                .param("by", userId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        bump(meetingId);
        MinutesStatus status = minutes.map(MinutesStore.Minutes::status).orElse(MinutesStatus.DRAFT);
        audit(
                CommitteeAction.COMMITTEE_MINUTES_SAVED,
                meeting,
                values(status, number - 1, null),
                values(status, number, null));
        return number;
    }

    /** Sends the minutes (their latest version) to the members for remarks until the day. */
    @Transactional
    public int send(long meetingId, MinutesForms.SendForm form, String path) {
        Meeting meeting = locked(meetingId);
        MinutesStore.Minutes minutes =
                store.find(meetingId).orElseThrow(() -> Refused.conflict("committees.minutes.empty"));
        if (minutes.status() == MinutesStatus.ADOPTED) {
            throw Refused.conflict("committees.minutes.adopted");
        }
        LocalDate until = Objects.requireNonNull(form.remarksUntil());
        if (until.isBefore(today())) {
            throw Refused.field("remarksUntil", "committees.minutes.remarksUntil.past");
        }
        jdbc.sql("""
                        update committee_minutes set status = 'IN_REVIEW', remarks_until = :until,
                            row_version = row_version + 1 where meeting_id = :m
                        """).param("until", until).param("m", meetingId).update();
        int latest = latestNumber(meetingId);
        audit(
                CommitteeAction.COMMITTEE_MINUTES_SENT,
                meeting,
                values(minutes.status(), latest, minutes.remarksUntil()),
                values(MinutesStatus.IN_REVIEW, latest, until));
        LocalDate day = day(meeting);
        List<CommitteeSeat> members = directory.seats(meeting.committeeId()).stream()
                .filter(s -> s.sitsOn(day))
                .toList();
        return mail.sentForRemarks(members, meeting, path, until);
    }

    /** A member's remark on the latest version, until the day remarks are due. */
    @Transactional
    public long remark(CurrentUser user, long meetingId, MinutesForms.RemarkForm form) {
        Meeting meeting = locked(meetingId);
        MinutesStore.Minutes minutes =
                store.find(meetingId).orElseThrow(() -> new NotFound("committee minutes", meetingId));
        if (!minutes.openForRemarks(today())) {
            throw Refused.conflict("committees.minutes.remarks.closed");
        }
        Long membership = seatOf(user, meeting).map(CommitteeSeat::id).orElse(null);
        int latest = latestNumber(meetingId);
        long id = jdbc.sql("""
                        insert into committee_minutes_remark (meeting_id, version_number, membership_id, author_id, body,
                            created_at)
                        values (:m, :v, :membership, :author, :body, :now) returning id
                        """)
                .param("m", meetingId)
                .param("v", latest)
                .param("membership", membership)
                .param("author", user.id())
                .param("body", form.bodyText())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("remarkId", id);
        after.put("minutesVersion", latest);
        after.put("body", Integer.toHexString(form.bodyText().hashCode()));
        audit(CommitteeAction.COMMITTEE_MINUTES_REMARKED, meeting, null, after);
        return id;
    }

    /**
     * Adopts the minutes as their latest version: final, no version or remark after. The members sitting that
     * day who have accounts are told in the application.
     */
    @Transactional
    public void adopt(long userId, long meetingId, String path) {
        Meeting meeting = locked(meetingId);
        MinutesStore.Minutes minutes =
                store.find(meetingId).orElseThrow(() -> Refused.conflict("committees.minutes.empty"));
        if (minutes.status() == MinutesStatus.ADOPTED) {
            throw Refused.conflict("committees.minutes.adopted");
        }
        jdbc.sql("""
                        update committee_minutes set status = 'ADOPTED', adopted_at = :now, adopted_by = :by,
                            row_version = row_version + 1 where meeting_id = :m
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", userId)
                .param("m", meetingId)
                .update();
        int latest = latestNumber(meetingId);
        audit(
                CommitteeAction.COMMITTEE_MINUTES_ADOPTED,
                meeting,
                values(minutes.status(), latest, minutes.remarksUntil()),
                values(MinutesStatus.ADOPTED, latest, minutes.remarksUntil()));
        LocalDate day = day(meeting);
        mail.adopted(
                directory.seats(meeting.committeeId()).stream()
                        .filter(s -> s.sitsOn(day))
                        .toList(),
                meeting,
                path);
    }

    private int latestNumber(long meetingId) {
        return jdbc.sql("select coalesce(max(number), 0) from committee_minutes_version where meeting_id = :m")
                .param("m", meetingId)
                .query(Integer.class)
                .single();
    }

    private void bump(long meetingId) {
        jdbc.sql("update committee_minutes set row_version = row_version + 1 where meeting_id = :m")
                .param("m", meetingId)
                .update();
    }

    private Meeting locked(long meetingId) {
        return meetings.lock(meetingId).orElseThrow(() -> new NotFound("committee meeting", meetingId));
    }

    private static LocalDate day(Meeting meeting) {
        return meeting.startsAt().atZone(Formats.ZONE).toLocalDate();
    }

    private static Map<String, @Nullable Object> values(MinutesStatus status, int version, @Nullable LocalDate until) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("minutesStatus", status.name());
        values.put("minutesVersion", version);
        values.put("remarksUntil", until == null ? null : until.toString());
        return values;
    }

    private void audit(
            CommitteeAction action,
            Meeting meeting,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        publisher.publishEvent(new CommitteeChanged(
                action, CommitteeChanged.MEETING, meeting.id(), meeting.regionId(), before, after));
    }
}
