package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.surveys.AnsweringTesting.Made;
import pl.koordes.surveys.AnsweringTesting.Settings;
import pl.koordes.surveys.internal.AnsweringManagement;

/**
 * A person's survey answers in their copy of their data: every value of their non-anonymous answers and
 * drafts, and the anonymous surveys they took part in (with no answer: nobody knows which is theirs). Erasure
 * keeps the submitted answers for the statistics without the person, deletes their unfinished drafts and
 * their participation rows.
 */
@IntegrationTest
class AnsweringPersonalDataIntegrationTests {

    /** An account id no demo account has: the surveys tables hold ids, not foreign keys to accounts. */
    static final long PERSON = 987_654_777L;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AnsweringManagement answering;

    @Autowired
    List<PersonalData> sections;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        made.forEach(id -> AnsweringTesting.delete(jdbc, id));
    }

    private PersonalData surveys() {
        return sections.stream()
                .filter(s -> s.section().equals("surveyAnswers"))
                .findFirst()
                .orElseThrow();
    }

    private Made survey(String title, Settings settings) {
        Made survey = AnsweringTesting.survey(jdbc, AnsweringTesting.unique(title), settings);
        made.add(survey.survey());
        return survey;
    }

    private static Map<String, List<String>> parameters(List<String> pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            parameters.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
        }
        return parameters;
    }

    @Test
    void theCopyListsTheAnswersAndErasureKeepsThemWithoutThePerson() {
        CurrentUser person = new CurrentUser(
                PERSON,
                "osoba.ankiet@test.koordes.example",
                "Osoba Ankiet",
                List.of(new RoleAssignment(Role.PARTICIPANT, null, null)),
                "pl");
        long region = AnsweringTesting.region(jdbc, "lubuskie");
        Made open = survey("Ankieta jawna", Settings.open());
        Made drafted = survey("Ankieta szkicu", Settings.open());
        Made secret = survey("Ankieta tajna", Settings.open().secret());
        List<String> full =
                AnsweringTesting.with(AnsweringTesting.complete(open), "wojewodztwo", Long.toString(region));
        full = AnsweringTesting.with(full, "rodzaj", "NGO");
        full = AnsweringTesting.with(full, "q" + open.longText(), "Moja jawna odpowiedź");
        answering.save(person, open.survey(), false, parameters(full), null, true);
        answering.save(
                person,
                drafted.survey(),
                false,
                parameters(List.of("q" + drafted.longText(), "Mój szkic")),
                null,
                false);
        List<String> secretly =
                AnsweringTesting.with(AnsweringTesting.complete(secret), "wojewodztwo", Long.toString(region));
        secretly = AnsweringTesting.with(secretly, "rodzaj", "NGO");
        secretly = AnsweringTesting.with(secretly, "q" + secret.longText(), "Moja tajna odpowiedź");
        answering.save(person, secret.survey(), false, parameters(secretly), null, true);
        PersonalData.Person who = new PersonalData.Person(PERSON, "osoba.ankiet@test.koordes.example", "Osoba Ankiet");

        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) surveys().export(who);
        String text = copy.toString();
        assertThat(text)
                .contains("Moja jawna odpowiedź")
                .contains("Mój szkic")
                .contains("Tak, prowadzimy")
                .contains("Księgowość")
                .contains("12.5")
                .contains("2026-09-01")
                .doesNotContain("Moja tajna odpowiedź");
        @SuppressWarnings("unchecked")
        List<String> participation = (List<String>) copy.get("participation");
        assertThat(participation)
                .hasSize(1)
                .allSatisfy(title -> assertThat(title).startsWith("Ankieta tajna"));

        surveys().erase(who);

        assertThat(jdbc.sql("select count(*) from surveys_response where account_id = :a")
                        .param("a", PERSON)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from surveys_participation where account_id = :a")
                        .param("a", PERSON)
                        .query(Integer.class)
                        .single())
                .isZero();
        // The submitted answers stay for the statistics; the unfinished draft goes.
        assertThat(jdbc.sql(
                                "select count(*) from surveys_answer where text_value in ('Moja jawna odpowiedź', 'Moja tajna odpowiedź')")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from surveys_response where survey_id = :s")
                        .param("s", drafted.survey())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(surveys().export(who).toString()).doesNotContain("Moja jawna odpowiedź");
    }
}
