package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;

/**
 * What postulates keep about a person is in their copy of their data, and erasure takes the person out of
 * every postulates table — the postulates, signatures and answers stay, as the region's and institution's
 * records — and deletes their endorsements and follows.
 */
@IntegrationTest
class DraftingPersonalDataIntegrationTests {

    /** An account id no demo account has: the postulates tables hold ids, not foreign keys. */
    static final long PERSON = 987_654_321L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    private PersonalData postulates() {
        return sections.stream()
                .filter(s -> s.section().equals("postulates"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theCopyListsEverythingAndErasureKeepsTheRecordsWithoutThePerson() {
        long draft = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_by, created_at, updated_at)
                        values ((select id from region where slug = 'opolskie'),
                                (select min(id) from institution where kind = 'CENTRAL'),
                                'Postulat osoby do usunięcia', 'p', 'r', 'DRAFT', :a, now(), now()) returning id""").param("a", PERSON).query(Long.class).single();
        long submitted = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_by, created_at, updated_at, submitted_at, submitted_by, signing_closes_at)
                        values ((select id from region where slug = 'opolskie'),
                                (select min(id) from institution where kind = 'CENTRAL'),
                                'Złożony przez osobę', 'p', 'r', 'SUBMITTED', :a, now(), now(), now(), :a,
                                now() + interval '14 days') returning id""").param("a", PERSON).query(Long.class).single();
        jdbc.sql("""
                        insert into postulates_attachment (postulate_id, file_name, content_type, size_bytes, content,
                            uploaded_at, uploaded_by)
                        values (:p, 'plik.pdf', 'application/pdf', 1, '\\x25', now(), :a)""").param("p", draft).param("a", PERSON).update();
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                        values (:p, (select id from region where slug = 'lubuskie'), :a, now())""").param("p", submitted).param("a", PERSON).update();
        jdbc.sql("insert into postulates_endorsement (postulate_id, account_id, endorsed_at) values (:p, :a, now())")
                .param("p", submitted)
                .param("a", PERSON)
                .update();
        jdbc.sql("insert into postulates_follower (postulate_id, account_id, since) values (:p, :a, now())")
                .param("p", submitted)
                .param("a", PERSON)
                .update();
        PersonalData.Person person = new PersonalData.Person(PERSON, "osoba@test.koordes.example", "Osoba");

        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> copy =
                (Map<String, List<Map<String, Object>>>) postulates().export(person);
        assertThat(copy.get("drafted"))
                .extracting(row -> row.get("title"))
                .containsExactly("Postulat osoby do usunięcia", "Złożony przez osobę");
        assertThat(copy.get("submitted"))
                .extracting(row -> row.get("postulate"))
                .containsExactly(submitted);
        assertThat(copy.get("attachments"))
                .extracting(row -> row.get("file_name"))
                .containsExactly("plik.pdf");
        assertThat(copy.get("cosigned")).extracting(row -> row.get("postulate")).containsExactly(submitted);
        assertThat(copy.get("endorsed")).extracting(row -> row.get("postulate")).containsExactly(submitted);
        assertThat(copy.get("follows")).extracting(row -> row.get("postulate")).containsExactly(submitted);
        assertThat(copy.get("answered")).isEmpty();

        try {
            postulates().erase(person);
            for (String sql : List.of(
                    "select count(*) from postulates_postulate where created_by = :a or submitted_by = :a or forwarded_by = :a",
                    "select count(*) from postulates_attachment where uploaded_by = :a",
                    "select count(*) from postulates_signature where signed_by = :a",
                    "select count(*) from postulates_endorsement where account_id = :a",
                    "select count(*) from postulates_follower where account_id = :a",
                    "select count(*) from postulates_answer where answered_by = :a",
                    "select count(*) from postulates_agenda where added_by = :a")) {
                assertThat(jdbc.sql(sql).param("a", PERSON).query(Integer.class).single())
                        .as(sql)
                        .isZero();
            }
            assertThat(jdbc.sql("select count(*) from postulates_postulate where id in (:ids)")
                            .param("ids", List.of(draft, submitted))
                            .query(Integer.class)
                            .single())
                    .as("the postulates stay")
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from postulates_signature where postulate_id = :p")
                            .param("p", submitted)
                            .query(Integer.class)
                            .single())
                    .as("the region's signature stays")
                    .isEqualTo(1);
            @SuppressWarnings("unchecked")
            Map<String, List<?>> after = (Map<String, List<?>>) postulates().export(person);
            assertThat(after.values()).allMatch(List::isEmpty);
        } finally {
            jdbc.sql("delete from postulates_postulate where id in (:ids)")
                    .param("ids", List.of(draft, submitted))
                    .update();
        }
    }
}
