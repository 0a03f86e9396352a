package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SearchOpens;
import pl.koordes.surveys.internal.BuilderNewForm;
import pl.koordes.surveys.internal.BuilderSurveys;

/**
 * Published surveys are found at once, by their answer page for exactly their audience and by their results page for
 * exactly those who may see the results; changed by their new words; deleted, no longer.
 */
@IntegrationTest
class SurveySearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    BuilderSurveys surveys;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    private long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    private List<String> found(String query, String email) {
        return SearchOpens.urls(index, query, SearchOpens.user(jdbc, email));
    }

    private List<String> foundAnonymously(String query) {
        return SearchOpens.urls(index, query, (CurrentUser) null);
    }

    /** A survey for the committee members of małopolskie, answered per person, with public results; published. */
    private long published(String title, String question) {
        long editor = SearchOpens.user(jdbc, DemoAccounts.EDITOR).id();
        long id = surveys.create(editor, new BuilderNewForm(title, "Krótka ankieta dla komitetu."));
        long section = jdbc.sql("""
                        insert into surveys_section (survey_id, position, title) values (:s, 1, 'Część pierwsza')
                        returning id""").param("s", id).query(Long.class).single();
        jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text)
                        values (:s, :section, 1, 'SHORT_TEXT', :text)""")
                .param("s", id)
                .param("section", section)
                .param("text", question)
                .update();
        jdbc.sql("""
                        update surveys_survey set opens_at = now() - interval '1 day', closes_at = now() + interval '30 days',
                            audience_roles = '{COMMITTEE_MEMBER}', audience_regions = array[cast(:region as bigint)],
                            results_visibility = 'PUBLIC'
                        where id = :id""").param("region", region("malopolskie")).param("id", id).update();
        surveys.publish(id);
        return id;
    }

    /** A change beside the builder's forms, announced as the builder announces its changes. */
    private void changed(long id, String set) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update surveys_survey set " + set + " where id = :id")
                    .param("id", id)
                    .update();
            publisher.publishEvent(new SurveyChanged(SurveyAction.SURVEY_UPDATED, id, Map.of(), Map.of()));
        });
    }

    @Test
    void aPublishedSurveyIsFoundByExactlyThoseWhoMayOpenItsPages() {
        long id = published("Ankieta o pasiekach miejskich", "Ile uli utrzymuje spółdzielnia socjalna?");
        String form = "/ankiety/" + id;
        String results = form + "/wyniki";
        try {
            assertThat(found("pasieki miejskie", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                    .containsExactlyInAnyOrder(form, results);
            assertThat(found("ule", DemoAccounts.COMMITTEE_MALOPOLSKIE)).contains(form, results);
            assertThat(foundAnonymously("pasieki miejskie")).containsExactly(results);
            assertThat(found("pasieki miejskie", DemoAccounts.COORDINATOR_SLASKIE))
                    .containsExactly(results);
            SearchOpens.foundExactlyWhereOpened(
                    jdbc, index, port, "127.0.47", "pasieki miejskie", List.of(form, results));

            changed(id, "title = 'Ankieta o bursztynowych koralach', results_visibility = 'OPERATORS'");
            assertThat(found("bursztynowe korale", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                    .containsExactly(form);
            assertThat(found("bursztynowe korale", DemoAccounts.EDITOR)).containsExactly(results);
            assertThat(foundAnonymously("bursztynowe korale")).isEmpty();
            assertThat(found("pasieki miejskie", DemoAccounts.EDITOR)).isEmpty();

            // Answered per institution: whether a person's region has its centre is not a role; not indexed.
            changed(id, "response_mode = 'INSTITUTION', audience_roles = '{REGIONAL_COORDINATOR}'");
            assertThat(found("bursztynowe korale", DemoAccounts.COORDINATOR_MALOPOLSKIE))
                    .isEmpty();
            assertThat(found("bursztynowe korale", DemoAccounts.EDITOR)).containsExactly(results);
        } finally {
            surveys.delete(id);
        }
        assertThat(found("bursztynowe korale", DemoAccounts.EDITOR)).isEmpty();
        assertThat(found("bursztynowe korale", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                .isEmpty();
    }

    @Test
    void aSurveyReachedOnlyByItsLinkOrWithAnAudienceKindLeftOutIsNotFoundByItsAnswerPage() {
        long id = published("Ankieta o kuchniach sąsiedzkich", "Czy prowadzą Państwo kuchnię?");
        try {
            assertThat(found("kuchnie sąsiedzkie", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                    .contains("/ankiety/" + id);
            changed(id, "audience_roles = '{}', audience_link = true");
            assertThat(found("kuchnie sąsiedzkie", DemoAccounts.COMMITTEE_MALOPOLSKIE))
                    .containsExactly("/ankiety/" + id + "/wyniki");
            changed(id, "audience_roles = '{REGIONAL_COORDINATOR,PARTICIPANT}', audience_kinds = '{NGO}'");
            assertThat(found("kuchnie sąsiedzkie", DemoAccounts.PARTICIPANT))
                    .containsExactly("/ankiety/" + id + "/wyniki");
            changed(id, "audience_kinds = '{}', audience_regions = '{}'");
            assertThat(found("kuchnie sąsiedzkie", DemoAccounts.PARTICIPANT))
                    .containsExactlyInAnyOrder("/ankiety/" + id, "/ankiety/" + id + "/wyniki");
        } finally {
            surveys.delete(id);
        }
    }
}
