package pl.koordes.committees.internal;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What resolutions and minutes keep about a person: the remarks they made on minutes (their own words, with the
 * membership they sat in), and, as the committee's secretary, which resolutions, minutes' versions and attachments
 * they wrote. Erasure removes their remarks and leaves the committee's documents without their account (a
 * resolution or minutes of a public body stay; the person is no longer named as their writer).
 */
@Component
class MinutesPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MinutesPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "committeeMinutesAndResolutions";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "minutesRemarks",
                jdbc.sql("""
                        select r.meeting_id, r.version_number, r.body, r.created_at from committee_minutes_remark r
                        where r.author_id = :a
                           or r.membership_id in (select id from committee_membership where account_id = :a)
                        order by r.created_at, r.id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("meeting", rs.getLong(1));
                            row.put("minutesVersion", rs.getInt(2));
                            row.put("remark", rs.getString(3));
                            row.put("at", PersonalData.time(rs.getTimestamp(4)));
                            return row;
                        })
                        .list());
        result.put(
                "minutesVersionsWritten",
                jdbc.sql("""
                        select meeting_id, number, created_at from committee_minutes_version where created_by = :a
                        order by created_at, meeting_id, number
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("meeting", rs.getLong(1));
                            row.put("minutesVersion", rs.getInt(2));
                            row.put("at", PersonalData.time(rs.getTimestamp(3)));
                            return row;
                        })
                        .list());
        result.put(
                "resolutionsWritten",
                jdbc.sql("select id from committee_resolution where created_by = :a order by id")
                        .param("a", account)
                        .query(Long.class)
                        .list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        jdbc.sql("""
                        delete from committee_minutes_remark where author_id = :a
                           or membership_id in (select id from committee_membership where account_id = :a)
                        """).param("a", account).update();
        jdbc.sql("update committee_minutes_version set created_by = null where created_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update committee_minutes set adopted_by = null where adopted_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update committee_resolution set created_by = null where created_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update committee_resolution_attachment set uploaded_by = null where uploaded_by = :a")
                .param("a", account)
                .update();
    }
}
