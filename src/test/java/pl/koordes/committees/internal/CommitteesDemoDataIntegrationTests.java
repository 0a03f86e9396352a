package pl.koordes.committees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.committees.Presence;
import pl.koordes.directory.BodyKind;
import pl.koordes.support.IntegrationTest;

/**
 * What the demo sentence promises: two regions' committees with a year of meetings, attendance with a
 * member absent three times in a row (flagged exactly as the rule says), resolutions and an opinion on the draft
 * update of the programme; and what the other parts need to show (drafts, minutes, history, a linked account).
 */
@IntegrationTest
class CommitteesDemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private long committee(String slug) {
        return jdbc.sql("""
                        select c.id from committee c join region r on r.id = c.region_id where r.slug = :slug
                        order by c.term_start desc limit 1
                        """).param("slug", slug).query(Long.class).single();
    }

    private int count(String sql, long committee) {
        return jdbc.sql(sql).param("c", committee).query(Integer.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"malopolskie", "slaskie"})
    void aYearOfMeetingsWithAttendanceResolutionsOpinionAndMinutes(String slug) {
        long committee = committee(slug);
        assertThat(count("""
                        select count(*) from committee_meeting where committee_id = :c and status = 'HELD'
                        and starts_at > now() - interval '1 year' and starts_at < now()""", committee)).isEqualTo(5);
        assertThat(count(
                        "select count(*) from committee_meeting where committee_id = :c and status = 'CANCELLED' and cancel_reason <> ''",
                        committee))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from committee_meeting where committee_id = :c and status = 'CONVENED' and starts_at > now()",
                        committee))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from committee_meeting where committee_id = :c and status = 'DRAFT'",
                        committee))
                .isEqualTo(1);
        assertThat(count("""
                        select count(*) from committee_attendance a join committee_meeting m on m.id = a.meeting_id
                        where m.committee_id = :c and m.status <> 'HELD'""", committee)).as("attendance only at held meetings").isZero();
        assertThat(count("""
                        select count(distinct m.id) from committee_attendance a join committee_meeting m on m.id = a.meeting_id
                        where m.committee_id = :c""", committee)).isEqualTo(5);
        // History and a member who joined mid-way.
        assertThat(count(
                        "select count(*) from committee_membership where committee_id = :c and term_end < current_date",
                        committee))
                .isPositive();
        assertThat(count("""
                        select count(*) from committee_membership m where committee_id = :c and term_start > (
                            select min(starts_at)::date from committee_meeting where committee_id = :c and status = 'HELD')""", committee)).isPositive();
        // Resolutions public and internal with votes, presence and an attachment; an opinion on the draft.
        assertThat(count(
                        "select count(*) from committee_resolution where committee_id = :c and kind = 'RESOLUTION' and public_resolution",
                        committee))
                .isPositive();
        assertThat(count(
                        "select count(*) from committee_resolution where committee_id = :c and kind = 'RESOLUTION' and not public_resolution",
                        committee))
                .isPositive();
        assertThat(count("""
                        select count(*) from committee_resolution r where committee_id = :c and votes_for > 0
                        and not exists (select 1 from committee_resolution_presence p where p.resolution_id = r.id)""", committee)).isZero();
        assertThat(count("""
                        select count(*) from committee_resolution_attachment a join committee_resolution r on r.id = a.resolution_id
                        where r.committee_id = :c""", committee)).isPositive();
        assertThat(count("""
                        select count(*) from committee_resolution r join monitoring_programme_version v
                            on v.id = r.programme_version_id
                        where r.committee_id = :c and r.kind = 'OPINION' and v.status = 'DRAFT'""", committee)).isEqualTo(1);
        // Minutes: one adopted in two versions, one in review with a remark.
        assertThat(count("""
                        select count(*) from committee_minutes n join committee_meeting m on m.id = n.meeting_id
                        where m.committee_id = :c and n.status = 'ADOPTED'
                        and (select count(*) from committee_minutes_version v where v.meeting_id = n.meeting_id) = 2""", committee)).isEqualTo(1);
        assertThat(count("""
                        select count(*) from committee_minutes n join committee_meeting m on m.id = n.meeting_id
                        where m.committee_id = :c and n.status = 'IN_REVIEW' and n.remarks_until >= current_date
                        and exists (select 1 from committee_minutes_remark r where r.meeting_id = n.meeting_id)""", committee)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"malopolskie", "slaskie"})
    void theAbsenceFlagsAreExactlyWhatTheRuleSaysOfTheAttendance(String slug) {
        long committee = committee(slug);
        record Row(long membership, long meeting, LocalDate day, Presence presence) {}
        List<Row> rows = jdbc.sql("""
                        select a.membership_id, m.id, (m.starts_at at time zone 'Europe/Warsaw')::date, a.presence
                        from committee_attendance a join committee_meeting m on m.id = a.meeting_id
                        where m.committee_id = :c and m.status = 'HELD' order by m.starts_at, m.id
                        """)
                .param("c", committee)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        Presence.valueOf(rs.getString(4))))
                .list();
        Map<Long, List<AbsenceRule.Held>> byMember = new LinkedHashMap<>();
        rows.forEach(row -> byMember.computeIfAbsent(row.membership(), k -> new ArrayList<>())
                .add(new AbsenceRule.Held(row.meeting(), row.day(), row.presence())));
        Set<String> expected = new HashSet<>();
        byMember.forEach((membership, held) -> AbsenceRule.streaks(held)
                .forEach(streak -> expected.add(membership + ":"
                        + streak.stream().map(AbsenceRule.Held::meetingId).toList())));
        Set<String> flagged = new HashSet<>(jdbc.sql("""
                        select f.membership_id, f.meeting_ids from committee_absence_flag f
                        join committee_membership s on s.id = f.membership_id where s.committee_id = :c
                        """)
                .param("c", committee)
                .query((rs, n) -> {
                    Array ids = rs.getArray(2);
                    return rs.getLong(1) + ":" + Arrays.asList((Long[]) ids.getArray());
                })
                .list());
        assertThat(expected).hasSize(1);
        assertThat(flagged).isEqualTo(expected);
        assertThat(count("""
                        select count(*) from committee_absence_flag f join committee_membership s on s.id = f.membership_id
                        where s.committee_id = :c and f.decision is null""", committee))
                .as("małopolskie's flag waits for the marshal; śląskie's was decided")
                .isEqualTo("malopolskie".equals(slug) ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"malopolskie", "slaskie"})
    void someNamedKindOfBodyIsMissingAndSomeAreRepresented(String slug) {
        List<String> kinds =
                jdbc.sql("""
                        select distinct body_kind from committee_membership
                        where committee_id = :c and (term_end is null or term_end >= current_date)
                        """).param("c", committee(slug)).query(String.class).list();
        long named = Arrays.stream(BodyKind.values()).filter(BodyKind::named).count();
        assertThat(kinds).hasSizeGreaterThan(4).doesNotContain(BodyKind.TRADE_UNION.name());
        assertThat(kinds.stream().filter(kind -> BodyKind.valueOf(kind).named()).count())
                .isLessThan(named);
    }

    @Test
    void theDemoCommitteeMemberIsLinkedToAMembershipOfHerRegion() {
        assertThat(jdbc.sql("""
                        select m.full_name from committee_membership m join account a on a.id = m.account_id
                        where a.email = 'komitet.malopolskie@demo.koordes.example' and m.committee_id = :c
                        """)
                        .param("c", committee("malopolskie"))
                        .query(String.class)
                        .list())
                .containsExactly("Kamila Komitetowa");
    }
}
