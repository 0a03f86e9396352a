package pl.koordes.committees.internal;

import static pl.koordes.committees.internal.CommitteesDemoData.at;
import static pl.koordes.committees.internal.CommitteesDemoData.bytes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.committees.internal.CommitteesDemoTexts.ResolutionSpec;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.CommitteeTerm;
import pl.koordes.directory.Region;

/** The demo's resolutions, opinion and minutes of one region's committee, numbered per kind and year. */
final class CommitteesDemoResolutions {

    private final JdbcClient jdbc;
    private final Region region;
    private final CommitteeTerm committee;
    private final @Nullable Long coordinator;
    private final Map<String, Integer> numbers = new HashMap<>();

    CommitteesDemoResolutions(JdbcClient jdbc, Region region, CommitteeTerm committee, @Nullable Long coordinator) {
        this.jdbc = jdbc;
        this.region = region;
        this.committee = committee;
        this.coordinator = coordinator;
    }

    /** A resolution adopted at the meeting by those present (all for but one abstaining), the first with an attachment. */
    void add(
            ResolutionSpec spec, long meeting, LocalDate adopted, List<Long> present, @Nullable Long programmeVersion) {
        int number = numbers.merge(spec.kind() + adopted.getYear(), 1, Integer::sum);
        int abstaining = present.size() > 3 ? 1 : 0;
        long id = jdbc.sql("""
                        insert into committee_resolution (committee_id, region_id, meeting_id, kind, number, year, title,
                            body, adopted_on, votes_for, votes_against, votes_abstaining, public_resolution,
                            programme_version_id, created_by, created_at, updated_at)
                        values (:committee, :region, :meeting, :kind, :number, :year, :title, :body, :adopted, :for, 0,
                            :abstaining, :public, :programme, :by, :at, :at)
                        returning id
                        """)
                .param("committee", committee.id())
                .param("region", region.id())
                .param("meeting", meeting)
                .param("kind", spec.kind())
                .param("number", number)
                .param("year", adopted.getYear())
                .param("title", spec.title())
                .param("body", spec.body())
                .param("adopted", adopted)
                .param("for", present.size() - abstaining)
                .param("abstaining", abstaining)
                .param("public", spec.publicResolution())
                .param("programme", programmeVersion)
                .param("by", coordinator)
                .param("at", at(adopted, 14))
                .query(Long.class)
                .single();
        for (long membership : present) {
            jdbc.sql("insert into committee_resolution_presence (resolution_id, membership_id) values (:r, :m)")
                    .param("r", id)
                    .param("m", membership)
                    .update();
        }
        if (number == 1 && "RESOLUTION".equals(spec.kind()) && spec.meeting() == 0) {
            String text = "Plan pracy komitetu (załącznik do uchwały nr 1/" + adopted.getYear() + ")\n"
                    + "Posiedzenia co dwa miesiące; jedno posiedzenie wyjazdowe; przegląd programu jesienią.";
            jdbc.sql("""
                    insert into committee_resolution_attachment (resolution_id, file_name, file_type, size_bytes,
                        file_data, uploaded_by, uploaded_at)
                    values (:r, 'plan-pracy.txt', 'text/plain', :size, :data, :by, :at)
                    """)
                    .param("r", id)
                    .param("size", bytes(text).length)
                    .param("data", bytes(text))
                    .param("by", coordinator)
                    .param("at", at(adopted, 15))
                    .update();
        }
    }

    /**
     * Minutes of the meeting before the last adopted in two versions, and of the last one sent for remarks
     * (open a week from today) with one remark.
     */
    void minutes(
            long adoptedMeeting, LocalDate adoptedDay, long reviewMeeting, LocalDate today, CommitteeSeat remarking) {
        jdbc.sql("""
                insert into committee_minutes (meeting_id, status, remarks_until, adopted_at, adopted_by)
                values (:m, 'ADOPTED', :until, :at, :by)
                """)
                .param("m", adoptedMeeting)
                .param("until", adoptedDay.plusDays(14))
                .param("at", at(adoptedDay.plusDays(21), 12))
                .param("by", coordinator)
                .update();
        version(adoptedMeeting, 1, CommitteesDemoTexts.MINUTES_FIRST, null, adoptedDay.plusDays(3));
        version(
                adoptedMeeting,
                2,
                CommitteesDemoTexts.MINUTES_SECOND,
                CommitteesDemoTexts.MINUTES_SECOND_NOTE,
                adoptedDay.plusDays(16));
        jdbc.sql("insert into committee_minutes (meeting_id, status, remarks_until) values (:m, 'IN_REVIEW', :until)")
                .param("m", reviewMeeting)
                .param("until", today.plusDays(7))
                .update();
        version(reviewMeeting, 1, CommitteesDemoTexts.MINUTES_REVIEW, null, today.minusDays(3));
        jdbc.sql("""
                insert into committee_minutes_remark (meeting_id, version_number, membership_id, author_id, body,
                    created_at)
                values (:m, 1, :membership, :author, :body, :at)
                """)
                .param("m", reviewMeeting)
                .param("membership", remarking.id())
                .param("author", remarking.accountId())
                .param("body", CommitteesDemoTexts.REMARK)
                .param("at", at(today.minusDays(1), 11))
                .update();
    }

    private void version(long meeting, int number, String body, @Nullable String note, LocalDate day) {
        jdbc.sql("""
                insert into committee_minutes_version (meeting_id, number, body, note, created_by, created_at)
                values (:m, :n, :body, :note, :by, :at)
                """)
                .param("m", meeting)
                .param("n", number)
                .param("body", body)
                .param("note", note)
                .param("by", coordinator)
                .param("at", at(day, 16))
                .update();
    }
}
