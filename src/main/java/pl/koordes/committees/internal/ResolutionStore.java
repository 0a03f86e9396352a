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
import pl.koordes.committees.ResolutionKind;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;

/**
 * Reads resolutions and opinions, who was present at their vote and their attachments. Every read names the
 * region, so an id of another region's resolution finds nothing; {@code withInternal} says whether the reader may
 * see those not marked public.
 */
@Repository
@Transactional(readOnly = true)
public class ResolutionStore {

    /** An attachment as listed (no content). */
    public record Attachment(
            long id, long resolutionId, String fileName, String fileType, int sizeBytes, Instant uploadedAt) {}

    /** An attachment with its content, for the download. */
    public record AttachmentFile(String fileName, String fileType, byte[] data) {}

    /** A member present at the vote. */
    public record Present(
            long membershipId, String fullName, @Nullable String organisation) {}

    /** A held meeting the resolution may be tied to. */
    public record HeldMeeting(long id, String title, Instant startsAt) {}

    private final JdbcClient jdbc;

    ResolutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The resolution, if it belongs to the region and this reader may see it. */
    public Optional<Resolution> find(long regionId, long id, boolean withInternal) {
        return jdbc.sql("select " + Resolution.COLUMNS + """
                         from committee_resolution r
                        where r.id = :id and r.region_id = :region and (r.public_resolution or :internal)
                        """)
                .param("id", id)
                .param("region", regionId)
                .param("internal", withInternal)
                .query(Resolution::of)
                .optional();
    }

    /** The region's resolutions and opinions, newest first, of a kind and a year when given. */
    public List<Resolution> list(
            long regionId, @Nullable ResolutionKind kind, @Nullable Integer year, boolean withInternal, int limit) {
        return jdbc.sql("select " + Resolution.COLUMNS + """
                         from committee_resolution r
                        where r.region_id = :region and (r.public_resolution or :internal)
                          and (cast(:kind as varchar) is null or r.kind = :kind)
                          and (cast(:year as int) is null or r.year = :year)
                        order by r.adopted_on desc, r.kind, r.number desc limit :limit
                        """)
                .param("region", regionId)
                .param("internal", withInternal)
                .param("kind", kind == null ? null : kind.name())
                .param("year", year)
                .param("limit", limit)
                .query(Resolution::of)
                .list();
    }

    /**
     * One page of the region's resolutions and opinions, newest first, of a kind and a year when given; two
     * statements (the count, then the page), whatever the number of resolutions.
     */
    public Paged<Resolution> page(
            long regionId,
            @Nullable ResolutionKind kind,
            @Nullable Integer year,
            boolean withInternal,
            int requested,
            int size) {
        long total = jdbc.sql("""
                        select count(*) from committee_resolution r
                        where r.region_id = :region and (r.public_resolution or :internal)
                          and (cast(:kind as varchar) is null or r.kind = :kind)
                          and (cast(:year as int) is null or r.year = :year)
                        """)
                .param("region", regionId)
                .param("internal", withInternal)
                .param("kind", kind == null ? null : kind.name())
                .param("year", year)
                .query(Long.class)
                .single();
        int number = Paged.within(requested, total, size);
        List<Resolution> rows = total == 0
                ? List.of()
                : jdbc.sql("select " + Resolution.COLUMNS + """
                                 from committee_resolution r
                                where r.region_id = :region and (r.public_resolution or :internal)
                                  and (cast(:kind as varchar) is null or r.kind = :kind)
                                  and (cast(:year as int) is null or r.year = :year)
                                order by r.adopted_on desc, r.kind, r.number desc limit :limit offset :offset
                                """)
                        .param("region", regionId)
                        .param("internal", withInternal)
                        .param("kind", kind == null ? null : kind.name())
                        .param("year", year)
                        .param("limit", size)
                        .param("offset", Paged.offset(number, size))
                        .query(Resolution::of)
                        .list();
        return new Paged<>(rows, number, size, total);
    }

    /** The years in which the region adopted something this reader may see, newest first. */
    public List<Integer> years(long regionId, boolean withInternal) {
        return jdbc.sql("""
                        select distinct year from committee_resolution
                        where region_id = :region and (public_resolution or :internal) order by year desc
                        """)
                .param("region", regionId)
                .param("internal", withInternal)
                .query(Integer.class)
                .list();
    }

    /** The resolutions adopted at a meeting, in order of kind and number. */
    public List<Resolution> atMeeting(long regionId, long meetingId, boolean withInternal) {
        return jdbc.sql("select " + Resolution.COLUMNS + """
                         from committee_resolution r
                        where r.region_id = :region and r.meeting_id = :meeting and (r.public_resolution or :internal)
                        order by r.kind desc, r.number
                        """)
                .param("region", regionId)
                .param("meeting", meetingId)
                .param("internal", withInternal)
                .query(Resolution::of)
                .list();
    }

    /** The opinions on a programme version, oldest first. */
    public List<Resolution> onProgrammeVersion(long regionId, long versionId, boolean withInternal) {
        return jdbc.sql("select " + Resolution.COLUMNS + """
                         from committee_resolution r
                        where r.region_id = :region and r.programme_version_id = :version and r.kind = 'OPINION'
                          and (r.public_resolution or :internal)
                        order by r.adopted_on, r.number
                        """)
                .param("region", regionId)
                .param("version", versionId)
                .param("internal", withInternal)
                .query(Resolution::of)
                .list();
    }

    /** Who was present at the vote, by name. */
    public List<Present> present(long resolutionId) {
        return jdbc.sql("""
                        select m.id, m.full_name, m.organisation from committee_resolution_presence p
                        join committee_membership m on m.id = p.membership_id
                        where p.resolution_id = :r order by m.full_name, m.id
                        """)
                .param("r", resolutionId)
                .query((rs, n) -> new Present(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<Attachment> attachments(long resolutionId) {
        return jdbc.sql("""
                        select id, resolution_id, file_name, file_type, size_bytes, uploaded_at
                        from committee_resolution_attachment where resolution_id = :r order by uploaded_at, id
                        """)
                .param("r", resolutionId)
                .query((rs, n) -> new Attachment(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<Attachment> attachment(long resolutionId, long attachmentId) {
        return attachments(resolutionId).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst();
    }

    public Optional<AttachmentFile> file(long resolutionId, long attachmentId) {
        return jdbc.sql("""
                        select file_name, file_type, file_data from committee_resolution_attachment
                        where id = :a and resolution_id = :r
                        """)
                .param("a", attachmentId)
                .param("r", resolutionId)
                .query((rs, n) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** The region's held meetings, newest first: what a resolution may be tied to. */
    public List<HeldMeeting> heldMeetings(long regionId) {
        return jdbc.sql("""
                        select id, title, starts_at from committee_meeting
                        where region_id = :region and status = 'HELD' order by starts_at desc
                        """)
                .param("region", regionId)
                .query((rs, n) -> new HeldMeeting(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The day a held meeting of the region took place (Warsaw), if it is one. */
    public Optional<LocalDate> heldOn(long regionId, long meetingId) {
        return heldMeetings(regionId).stream()
                .filter(m -> m.id() == meetingId)
                .findFirst()
                .map(m -> m.startsAt().atZone(Formats.ZONE).toLocalDate());
    }
}
