package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;

/** The surveys a person created are in their copy of their data; erasure keeps the surveys without them. */
@IntegrationTest
class BuilderPersonalDataIntegrationTests {

    /** An account id no demo account has: {@code created_by} holds an id, not a foreign key. */
    static final long PERSON = 987_654_324L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> sections;

    @Test
    void theCopyListsTheSurveysCreatedAndErasureKeepsThemWithoutThePerson() {
        PersonalData builder = sections.stream()
                .filter(s -> s.section().equals("surveysCreated"))
                .findFirst()
                .orElseThrow();
        long survey = jdbc.sql("""
                        insert into surveys_survey (title, link_token, created_by, created_at, updated_at)
                        values ('Ankieta osoby do usunięcia', 'token-osoby-do-usuniecia', :a, now(), now()) returning id
                        """).param("a", PERSON).query(Long.class).single();
        try {
            PersonalData.Person person = new PersonalData.Person(PERSON, "osoba@test.koordes.example", "Osoba");
            @SuppressWarnings("unchecked")
            Map<String, List<Map<String, Object>>> copy =
                    (Map<String, List<Map<String, Object>>>) builder.export(person);
            assertThat(copy.get("created"))
                    .extracting(row -> row.get("title"))
                    .containsExactly("Ankieta osoby do usunięcia");

            builder.erase(person);
            assertThat(jdbc.sql("select created_by is null from surveys_survey where id = :id")
                            .param("id", survey)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        } finally {
            jdbc.sql("delete from surveys_survey where id = :id")
                    .param("id", survey)
                    .update();
        }
    }
}
