package pl.koordes.committees.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.AbsenceDecision;
import pl.koordes.committees.MeetingAnswer;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.Presence;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;

/**
 * What the space and a meeting's page read: the committee's meetings with their counts, a meeting's answers,
 * attendance and documents, the absence flags. Each method is one statement whatever the amount of data.
 */
@Service
@Transactional(readOnly = true)
public class MeetingQueries {

    /** A meeting in the space's list, with how many answered and attended. */
    public record Listed(Meeting meeting, int attending, int excused, int present, int recorded, int documents) {

        public LocalDate day() {
            return meeting.startsAt().atZone(Formats.ZONE).toLocalDate();
        }
    }

    /** An answer given in advance. */
    public record Answer(
            long membershipId,
            MeetingAnswer answer,
            @Nullable String reason,
            OffsetDateTime answeredAt) {}

    /** A document of a meeting, without its bytes. */
    public record Document(
            long id, long meetingId, String title, String fileName, String fileType, int size, boolean publicDocument) {

        public String path(String meetingPath) {
            return meetingPath + "/dokumenty/" + id;
        }
    }

    /** A document's bytes for its download. */
    public record DocumentFile(long id, String fileName, String fileType, byte[] data, boolean publicDocument) {}

    /** A flag for three consecutive unexcused absences, with the days of its meetings. */
    public record Flag(
            long id,
            long membershipId,
            List<Long> meetingIds,
            List<LocalDate> days,
            OffsetDateTime raisedAt,
            @Nullable AbsenceDecision decision,
            @Nullable String note,
            @Nullable LocalDate decidedOn) {

        public boolean undecided() {
            return decision == null;
        }
    }

    private final JdbcClient jdbc;

    MeetingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Past meetings per page of the space. */
    public static final int PAST_PAGE_SIZE = 20;

    private static final String LISTED = """
            select m.*,
                (select count(*) from committee_meeting_answer a where a.meeting_id = m.id and a.answer = 'ATTENDING') as attending,
                (select count(*) from committee_meeting_answer a where a.meeting_id = m.id and a.answer = 'EXCUSED') as excused,
                (select count(*) from committee_attendance t where t.meeting_id = m.id and t.presence = 'PRESENT') as present,
                (select count(*) from committee_attendance t where t.meeting_id = m.id) as recorded,
                (select count(*) from committee_document d where d.meeting_id = m.id) as documents
            """;

    /** The space's meetings: every upcoming one, and one page of the past ones with their number. */
    public record Listing(List<Listed> upcoming, Paged<Listed> past) {}

    /** The committee's meetings, the latest first; drafts only when {@code drafts}. */
    public List<Listed> meetings(long committeeId, boolean drafts) {
        return jdbc.sql(LISTED + """
                        from committee_meeting m
                        where m.committee_id = :committee and (:drafts or m.status <> 'DRAFT')
                        order by m.starts_at desc, m.id desc
                        """)
                .param("committee", committeeId)
                .param("drafts", drafts)
                .query(MeetingQueries::listed)
                .list();
    }

    /**
     * The space's listing in one statement: the past meetings are numbered and cut to the page before the counts
     * are taken, so the page costs the same with 5 meetings or 500.
     */
    public Listing listing(long committeeId, boolean drafts, Instant now, int pastPage) {
        long[] pastTotal = {0};
        int number = Math.max(1, pastPage);
        List<Listed> upcoming = new ArrayList<>();
        List<Listed> past = new ArrayList<>();
        jdbc.sql("with numbered as (select n.*, row_number() over (partition by n.ends_at > :now"
                        + " order by n.starts_at desc, n.id desc) as position,"
                        + " count(*) over (partition by n.ends_at > :now) as in_group"
                        + " from committee_meeting n where n.committee_id = :committee"
                        + " and (:drafts or n.status <> 'DRAFT'))\n"
                        + LISTED + ", m.ends_at > :now as is_upcoming, m.in_group from numbered m"
                        + " where m.ends_at > :now or m.position > :skip and m.position <= :skip + :size"
                        + " order by m.starts_at desc, m.id desc")
                .param("committee", committeeId)
                .param("drafts", drafts)
                .param("now", Timestamp.from(now))
                .param("skip", Paged.offset(number, PAST_PAGE_SIZE))
                .param("size", PAST_PAGE_SIZE)
                .query(rs -> {
                    Listed listed = listed(rs, 0);
                    if (rs.getBoolean("is_upcoming")) {
                        upcoming.add(listed);
                    } else {
                        past.add(listed);
                        pastTotal[0] = rs.getLong("in_group");
                    }
                });
        return new Listing(upcoming.reversed(), new Paged<>(past, number, PAST_PAGE_SIZE, pastTotal[0]));
    }

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(
                Meeting.of(rs, n),
                rs.getInt("attending"),
                rs.getInt("excused"),
                rs.getInt("present"),
                rs.getInt("recorded"),
                rs.getInt("documents"));
    }

    /** The answers given to the meeting's invitation, by membership. */
    public Map<Long, Answer> answers(long meetingId) {
        Map<Long, Answer> answers = new LinkedHashMap<>();
        jdbc.sql("""
                        select membership_id, answer, reason, answered_at from committee_meeting_answer
                        where meeting_id = :meeting order by membership_id
                        """)
                .param("meeting", meetingId)
                .query((rs, n) -> new Answer(
                        rs.getLong(1),
                        MeetingAnswer.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list()
                .forEach(a -> answers.put(a.membershipId(), a));
        return answers;
    }

    /** The attendance recorded for the meeting, by membership. */
    public Map<Long, Presence> attendance(long meetingId) {
        Map<Long, Presence> recorded = new HashMap<>();
        jdbc.sql("select membership_id, presence from committee_attendance where meeting_id = :meeting")
                .param("meeting", meetingId)
                .query((rs, n) -> Map.entry(rs.getLong(1), Presence.valueOf(rs.getString(2))))
                .list()
                .forEach(e -> recorded.put(e.getKey(), e.getValue()));
        return recorded;
    }

    /** The meeting's documents; the internal ones only when {@code internal}. */
    public List<Document> documents(long meetingId, boolean internal) {
        return jdbc.sql("""
                        select id, meeting_id, title, file_name, file_type, size_bytes, public_document from committee_document
                        where meeting_id = :meeting and (:internal or public_document) order by id
                        """)
                .param("meeting", meetingId)
                .param("internal", internal)
                .query((rs, n) -> new Document(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getBoolean(7)))
                .list();
    }

    /** A document of the meeting, without its bytes (another meeting's document id finds nothing). */
    public Optional<Document> document(long meetingId, long documentId) {
        return documents(meetingId, true).stream()
                .filter(d -> d.id() == documentId)
                .findFirst();
    }

    /** A document of the meeting with its bytes. */
    public Optional<DocumentFile> file(long meetingId, long documentId) {
        return jdbc.sql("""
                        select id, file_name, file_type, file_data, public_document from committee_document
                        where id = :id and meeting_id = :meeting
                        """)
                .param("id", documentId)
                .param("meeting", meetingId)
                .query((rs, n) -> new DocumentFile(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5)))
                .optional();
    }

    /** The absence flags of the committee's members, the newest first; decided ones only when {@code decided}. */
    public List<Flag> flags(long committeeId, boolean decided) {
        return jdbc.sql("""
                        select f.id, f.membership_id, f.meeting_ids, f.raised_at, f.decision, f.decision_note, f.decided_on,
                            coalesce((select array_agg(to_char(m.starts_at at time zone 'Europe/Warsaw', 'YYYY-MM-DD') order by m.starts_at)
                             from committee_meeting m where m.id = any(f.meeting_ids)), array[]::text[]) as days
                        from committee_absence_flag f join committee_membership s on s.id = f.membership_id
                        where s.committee_id = :committee and (:decided or f.decision is null)
                        order by f.raised_at desc, f.id desc
                        """)
                .param("committee", committeeId)
                .param("decided", decided)
                .query((rs, n) -> {
                    String decision = rs.getString("decision");
                    String[] days = (String[]) rs.getArray("days").getArray();
                    Long[] ids = (Long[]) rs.getArray("meeting_ids").getArray();
                    return new Flag(
                            rs.getLong("id"),
                            rs.getLong("membership_id"),
                            Arrays.asList(ids),
                            Arrays.stream(days).map(LocalDate::parse).toList(),
                            rs.getObject("raised_at", OffsetDateTime.class),
                            decision == null ? null : AbsenceDecision.valueOf(decision),
                            rs.getString("decision_note"),
                            rs.getObject("decided_on", LocalDate.class));
                })
                .list();
    }

    /** One flag of the committee's members. */
    public Optional<Flag> flag(long committeeId, long flagId) {
        return flags(committeeId, true).stream().filter(f -> f.id() == flagId).findFirst();
    }

    /** Whether the meeting is of this status (for sections that only show on held meetings). */
    public static boolean held(Meeting meeting) {
        return meeting.status() == MeetingStatus.HELD;
    }
}
