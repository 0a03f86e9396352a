package pl.koordes.committees.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.MeetingStatus;

/** One row of {@code committee_meeting}. */
public record Meeting(
        long id,
        long committeeId,
        long regionId,
        String title,
        Instant startsAt,
        Instant endsAt,
        @Nullable String place,
        @Nullable String onlineUrl,
        String agenda,
        MeetingStatus status,
        boolean publicMeeting,
        @Nullable Long eventId,
        @Nullable String cancelReason,
        @Nullable Instant convenedAt,
        @Nullable Instant attendanceRecordedAt,
        int rowVersion) {

    /** Convened or held: members were invited, so the meeting is theirs to read. */
    public boolean convened() {
        return status == MeetingStatus.CONVENED || status == MeetingStatus.HELD;
    }

    static Meeting of(ResultSet rs, int row) throws SQLException {
        return new Meeting(
                rs.getLong("id"),
                rs.getLong("committee_id"),
                rs.getLong("region_id"),
                rs.getString("title"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("place"),
                rs.getString("online_url"),
                rs.getString("agenda"),
                MeetingStatus.valueOf(rs.getString("status")),
                rs.getBoolean("public_meeting"),
                rs.getObject("event_id", Long.class),
                rs.getString("cancel_reason"),
                nullableInstant(rs, "convened_at"),
                nullableInstant(rs, "attendance_recorded_at"),
                rs.getInt("row_version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
