package pl.koordes.committees.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.MinutesStatus;

/** Reads a meeting's minutes: their state, every version and the members' remarks. */
@Repository
@Transactional(readOnly = true)
public class MinutesStore {

    /** The minutes' state ({@code committee_minutes}). */
    public record Minutes(
            long meetingId,
            MinutesStatus status,
            @Nullable LocalDate remarksUntil,
            @Nullable Instant adoptedAt,
            int rowVersion) {

        /** Whether members may remark on the day. */
        public boolean openForRemarks(LocalDate today) {
            return status == MinutesStatus.IN_REVIEW && remarksUntil != null && !today.isAfter(remarksUntil);
        }
    }

    /** One saved text; none is ever overwritten. */
    public record Version(
            int number,
            String body,
            @Nullable String note,
            @Nullable String author,
            Instant createdAt) {}

    /** A member's remark on a version. */
    public record Remark(long id, int versionNumber, String author, String body, Instant createdAt) {}

    private final JdbcClient jdbc;

    MinutesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Minutes> find(long meetingId) {
        return jdbc.sql("""
                        select meeting_id, status, remarks_until, adopted_at, row_version from committee_minutes
                        where meeting_id = :m
                        """)
                .param("m", meetingId)
                .query((rs, n) -> {
                    OffsetDateTime adopted = rs.getObject("adopted_at", OffsetDateTime.class);
                    return new Minutes(
                            rs.getLong("meeting_id"),
                            MinutesStatus.valueOf(rs.getString("status")),
                            rs.getObject("remarks_until", LocalDate.class),
                            adopted == null ? null : adopted.toInstant(),
                            rs.getInt("row_version"));
                })
                .optional();
    }

    /** Every version, newest first, with its author's name. */
    public List<Version> versions(long meetingId) {
        return jdbc.sql("""
                        select v.number, v.body, v.note, a.display_name, v.created_at
                        from committee_minutes_version v left join account a on a.id = v.created_by
                        where v.meeting_id = :m order by v.number desc
                        """)
                .param("m", meetingId)
                .query((rs, n) -> new Version(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The remarks, oldest first, each with its author's name as the committee knows it. */
    public List<Remark> remarks(long meetingId) {
        return jdbc.sql("""
                        select r.id, r.version_number, coalesce(m.full_name, a.display_name, '—'), r.body, r.created_at
                        from committee_minutes_remark r
                        left join committee_membership m on m.id = r.membership_id
                        left join account a on a.id = r.author_id
                        where r.meeting_id = :m order by r.created_at, r.id
                        """)
                .param("m", meetingId)
                .query((rs, n) -> new Remark(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }
}
