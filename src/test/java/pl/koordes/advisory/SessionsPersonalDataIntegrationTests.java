package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The sessions' part of "my data": the sessions a person recorded and the tasks given to them; erasure keeps the
 * sessions and their hours (the statistics) and the tasks, with no person in them.
 */
@IntegrationTest
class SessionsPersonalDataIntegrationTests {

    private static final String PREFIX = "Test danych sesji";

    /** An account id no demo account has: the advisory tables hold ids, not foreign keys to accounts. */
    static final long PERSON = 987_654_888L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    @AfterEach
    void cleanUp() {
        new SessionsTesting(jdbc, 0).cleanUp(PREFIX);
    }

    private PersonalData sessions() {
        return sections.stream()
                .filter(s -> s.section().equals("advisorySessions"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCopyHasTheSessionsAndTasksAndErasureKeepsTheHoursWithoutThePerson() {
        long id = new SessionsTesting(jdbc, 0)
                .newCase(PREFIX, "malopolskie", "INDIVIDUAL", "IN_PROGRESS", new BigDecimal("8"), DemoAccounts.EXPERT);
        long session = jdbc.sql("""
                        insert into advisory_session (request_id, account_id, held_on, hours, mode, summary, created_at,
                            updated_at)
                        values (:r, :a, date '2026-09-01', 2.75, 'ONLINE', 'Podsumowanie', now(), now()) returning id
                        """)
                .param("r", id)
                .param("a", PERSON)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into advisory_task (request_id, session_id, description, owner_id, due_on, created_at)
                        values (:r, :s, 'Moje zadanie z sesji', :a, date '2026-10-01', now())
                        """).param("r", id).param("s", session).param("a", PERSON).update();
        jdbc.sql("""
                        insert into advisory_task (request_id, description, owner_name, due_on, created_at)
                        values (:r, 'Zadanie wpisanej osoby', 'Osoba Sesji', date '2026-10-02', now())
                        """).param("r", id).update();
        PersonalData.Person who = new PersonalData.Person(PERSON, "osoba.sesji@test.koordes.example", "Osoba Sesji");

        String copy = sessions().export(who).toString();
        assertThat(copy)
                .contains("2.75")
                .contains("2026-09-01")
                .contains("Moje zadanie z sesji")
                .contains("case=" + id);

        sessions().erase(who);

        assertThat(jdbc.sql("select count(*) from advisory_session where account_id = :a")
                        .param("a", PERSON)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select hours from advisory_session where id = :s")
                        .param("s", session)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("2.75");
        assertThat(jdbc.sql("select count(*) from advisory_task where request_id = :r and owner_id is null")
                        .param("r", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from advisory_task where owner_name ilike '%Osoba Sesji%'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(sessions().export(who).toString()).doesNotContain("Moje zadanie z sesji");
    }
}
