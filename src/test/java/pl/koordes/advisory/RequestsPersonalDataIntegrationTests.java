package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;

/**
 * The requests a person made, rated and decided are in their copy of their data; erasure keeps the cases (the
 * region's, and the statistics) with their ratings, without the person.
 */
@IntegrationTest
class RequestsPersonalDataIntegrationTests {

    /** An account id no demo account has: advisory_request holds ids, not foreign keys to accounts. */
    static final long PERSON = 987_654_515L;

    private static final String PREFIX = "Dane osobowe wniosku";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from advisory_request where title like :p")
                .param("p", PREFIX + "%")
                .update();
    }

    private PersonalData requests() {
        return sections.stream()
                .filter(s -> s.section().equals("advisoryRequests"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPersonsRequestsRatingsAndDecisionsAreExportedAndErasedWithoutTheCases() {
        long requested = insert(PREFIX + ": złożony", "SUBMITTED", PERSON, null, null);
        long rated = insert(PREFIX + ": oceniony", "COMPLETED", null, PERSON, null);
        long decided = insert(PREFIX + ": rozpatrzony", "DECLINED", null, null, PERSON);
        PersonalData.Person who =
                new PersonalData.Person(PERSON, "osoba.doradztwa@test.koordes.example", "Osoba Doradztwa");

        String copy = requests().export(who).toString();
        assertThat(copy)
                .contains(PREFIX + ": złożony")
                .contains(PREFIX + ": oceniony")
                .contains("Przydatne")
                .contains(PREFIX + ": rozpatrzony");
        assertThat(requests().export(new PersonalData.Person(null, "x@test.koordes.example", "X")))
                .isEqualTo(Map.of());

        requests().erase(who);

        assertThat(jdbc.sql("""
                        select count(*) from advisory_request
                        where requested_by = :a or rated_by = :a or decided_by = :a
                        """).param("a", PERSON).query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from advisory_request where id in (:ids)")
                        .param("ids", List.of(requested, rated, decided))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select rating from advisory_request where id = :id")
                        .param("id", rated)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(requests().export(who).toString()).doesNotContain(PREFIX);
    }

    private long insert(String title, String status, Long requestedBy, Long ratedBy, Long decidedBy) {
        return jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            decline_reason, rating, rating_comment, rated_by, rated_at, requested_by, requested_at,
                            decided_by, decided_at, completed_at, updated_at)
                        values ((select min(id) from region), (select min(id) from advisory_topic), :title, 'Opis',
                            'INDIVIDUAL', 'ONLINE', :status, case when :status = 'DECLINED' then 'Powód' end,
                            case when :status = 'COMPLETED' then 5 end,
                            case when :status = 'COMPLETED' then 'Przydatne' end, :ratedBy,
                            case when :status = 'COMPLETED' then now() end, :requestedBy, now(), :decidedBy,
                            case when cast(:decidedBy as bigint) is not null then now() end,
                            case when :status = 'COMPLETED' then now() end, now())
                        returning id
                        """)
                .param("title", title)
                .param("status", status)
                .param("requestedBy", requestedBy)
                .param("ratedBy", ratedBy)
                .param("decidedBy", decidedBy)
                .query(Long.class)
                .single();
    }
}
