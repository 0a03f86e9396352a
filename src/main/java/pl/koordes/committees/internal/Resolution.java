package pl.koordes.committees.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.ResolutionKind;

/**
 * One row of {@code committee_resolution}: a numbered resolution or opinion ("Uchwała nr 5/2026"), numbered per
 * region, kind and year.
 */
public record Resolution(
        long id,
        long committeeId,
        long regionId,
        @Nullable Long meetingId,
        ResolutionKind kind,
        int number,
        int year,
        String title,
        String body,
        LocalDate adoptedOn,
        int votesFor,
        int votesAgainst,
        int votesAbstaining,
        boolean publicResolution,
        @Nullable Long programmeVersionId,
        int rowVersion) {

    static final String COLUMNS = """
            r.id, r.committee_id, r.region_id, r.meeting_id, r.kind, r.number, r.year, r.title, r.body, r.adopted_on,
            r.votes_for, r.votes_against, r.votes_abstaining, r.public_resolution, r.programme_version_id,
            r.row_version""";

    /** "5/2026": the number within its kind and year. */
    public String numberText() {
        return number + "/" + year;
    }

    /** The message key of its name with the number ("Uchwała nr {0}"). */
    public String labelKey() {
        return "committees.resolutions.label." + kind.name();
    }

    /** Its page, in the committee space of the region. */
    public String path(String regionSlug) {
        return "/komitet/" + regionSlug + "/uchwaly/" + id;
    }

    /** How many voted. */
    public int votes() {
        return votesFor + votesAgainst + votesAbstaining;
    }

    /** What the audit line keeps of it: no text, its fingerprint only. */
    Map<String, @Nullable Object> auditValues(int present) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("kind", kind.name());
        values.put("resolutionNumber", numberText());
        values.put("title", title);
        values.put("body", Integer.toHexString(body.hashCode()));
        values.put("adoptedOn", adoptedOn.toString());
        values.put("votesFor", votesFor);
        values.put("votesAgainst", votesAgainst);
        values.put("votesAbstaining", votesAbstaining);
        values.put("presentCount", present);
        values.put("publicResolution", publicResolution);
        values.put("meetingId", meetingId);
        values.put("programmeVersionId", programmeVersionId);
        return values;
    }

    static Resolution of(ResultSet rs, int row) throws SQLException {
        return new Resolution(
                rs.getLong("id"),
                rs.getLong("committee_id"),
                rs.getLong("region_id"),
                rs.getObject("meeting_id", Long.class),
                ResolutionKind.valueOf(rs.getString("kind")),
                rs.getInt("number"),
                rs.getInt("year"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getObject("adopted_on", LocalDate.class),
                rs.getInt("votes_for"),
                rs.getInt("votes_against"),
                rs.getInt("votes_abstaining"),
                rs.getBoolean("public_resolution"),
                rs.getObject("programme_version_id", Long.class),
                rs.getInt("row_version"));
    }
}
