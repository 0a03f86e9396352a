package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;

/**
 * An expert's assignments, the assignments and consents an operator made and the topics and regions an expert
 * covers are in their copy of their data; erasure takes the expert off the case and their profile and forgets
 * who assigned and consented, while the case, its sessions and their hours (the statistics) stay.
 */
@IntegrationTest
class AssignmentPersonalDataIntegrationTests {

    private static final String PREFIX = "Test danych przydziału";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    @Test
    void theCopyListsWhatThePersonDidAndErasureKeepsTheHoursWithoutThem() {
        PersonalData assignment = sections.stream()
                .filter(s -> s.section().equals("advisoryAssignments"))
                .findFirst()
                .orElseThrow();
        AssignmentTesting testing = new AssignmentTesting(jdbc, 0);
        long expert = jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values ('ekspert.do.usuniecia@test.koordes.example', 'Ekspert do usunięcia', 'ACTIVE', 'pl')
                        returning id
                        """).query(Long.class).single();
        long operator = jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values ('operator.do.usuniecia@test.koordes.example', 'Operator do usunięcia', 'ACTIVE', 'pl')
                        returning id
                        """).query(Long.class).single();
        try {
            long id = testing.accepted("malopolskie", PREFIX + ": sprawa", "2");
            jdbc.sql("""
                            insert into advisory_assignment (request_id, account_id, assigned_by, assigned_at)
                            values (:r, :e, :o, now());
                            insert into advisory_expert_topic (account_id, topic_id) select :e, min(id) from advisory_topic;
                            insert into advisory_expert_region (account_id, region_id) select :e, id from region where slug = 'malopolskie'
                            """).param("r", id).param("e", expert).param("o", operator).update();
            long session = testing.session(id, expert, "3", "GRANTED");
            jdbc.sql("update advisory_session set consent_by = :o, consent_at = now() where id = :s")
                    .param("o", operator)
                    .param("s", session)
                    .update();

            Map<?, ?> expertCopy = (Map<?, ?>) assignment.export(person(expert));
            assertThat((List<?>) expertCopy.get("assignedTo"))
                    .singleElement()
                    .satisfies(row -> assertThat(((Map<?, ?>) row).get("title")).isEqualTo(PREFIX + ": sprawa"));
            assertThat((List<?>) expertCopy.get("topics")).hasSize(1);
            assertThat(expertCopy.get("regions")).isEqualTo(List.of("małopolskie"));
            Map<?, ?> operatorCopy = (Map<?, ?>) assignment.export(person(operator));
            assertThat((List<?>) operatorCopy.get("assignedOthers")).hasSize(1);
            assertThat((List<?>) operatorCopy.get("consents")).hasSize(1);

            assignment.erase(person(operator));
            assignment.erase(person(expert));

            assertThat(testing.assignments(id)).isZero();
            assertThat(jdbc.sql("select count(*) from advisory_expert_topic where account_id = :e")
                            .param("e", expert)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select consent_by is null and consent = 'GRANTED' from advisory_session where id = :s")
                            .param("s", session)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("select coalesce(sum(hours), 0) from advisory_session where request_id = :r")
                            .param("r", id)
                            .query(BigDecimal.class)
                            .single())
                    .isEqualByComparingTo("3");
            assertThat(testing.status(id)).isEqualTo("ACCEPTED");
        } finally {
            testing.cleanUp(PREFIX);
            jdbc.sql(
                            "delete from advisory_expert_topic where account_id = :e; delete from advisory_expert_region where account_id = :e; delete from account where id in (:e, :o)")
                    .param("e", expert)
                    .param("o", operator)
                    .update();
        }
    }

    private static PersonalData.Person person(long account) {
        return new PersonalData.Person(account, "osoba@test.koordes.example", "Osoba");
    }
}
