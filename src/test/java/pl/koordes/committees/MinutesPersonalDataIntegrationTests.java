package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;

/**
 * The minutes' and resolutions' part of "my data": a member's remarks (made with their account, or in the seat
 * linked to it) and what they wrote as secretary; erasure removes the remarks and leaves the committee's documents
 * without their account.
 */
@IntegrationTest
class MinutesPersonalDataIntegrationTests {

    private static final String PREFIX = "Test danych protokołu";

    /** An account id no demo account has: these tables hold ids of accounts, not foreign keys. */
    static final long PERSON = 987_654_777L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    @AfterEach
    void cleanUp() {
        new ResolutionsTesting(jdbc, 0).cleanUp(PREFIX);
    }

    private PersonalData minutes() {
        return sections.stream()
                .filter(s -> s.section().equals("committeeMinutesAndResolutions"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCopyHasTheRemarksAndErasureRemovesThem() {
        ResolutionsTesting testing = new ResolutionsTesting(jdbc, 0);
        long meeting = testing.heldMeeting("malopolskie", PREFIX + " posiedzenie", 5);
        jdbc.sql(
                        "insert into committee_minutes (meeting_id, status, remarks_until) values (:m, 'IN_REVIEW', current_date)")
                .param("m", meeting)
                .update();
        jdbc.sql("""
                        insert into committee_minutes_version (meeting_id, number, body, created_by)
                        values (:m, 1, 'Tekst protokołu', :p)
                        """).param("m", meeting).param("p", PERSON).update();
        jdbc.sql("""
                        insert into committee_minutes_remark (meeting_id, version_number, author_id, body)
                        values (:m, 1, :p, 'Moja uwaga o protokole, Jan Uwagowy')
                        """).param("m", meeting).param("p", PERSON).update();
        long resolution =
                testing.resolution("malopolskie", "RESOLUTION", PREFIX + " uchwała", false, ResolutionsTesting.today());
        jdbc.sql("update committee_resolution set created_by = :p where id = :r")
                .param("p", PERSON)
                .param("r", resolution)
                .update();
        PersonalData.Person who = new PersonalData.Person(PERSON, "uwagowy@test.koordes.example", "Jan Uwagowy");

        String copy = minutes().export(who).toString();
        assertThat(copy)
                .contains("Moja uwaga o protokole, Jan Uwagowy")
                .contains("minutesVersion=1")
                .contains(String.valueOf(resolution));

        minutes().erase(who);
        assertThat(jdbc.sql("select count(*) from committee_minutes_remark where body like '%Jan Uwagowy%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from committee_minutes_version where created_by = :p")
                        .param("p", PERSON)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from committee_resolution where id = :r and created_by is null")
                        .param("r", resolution)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(minutes().export(who).toString()).doesNotContain("Moja uwaga");
    }
}
