package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.committees.ResolutionKind;
import pl.koordes.committees.internal.ResolutionForm;
import pl.koordes.committees.internal.ResolutionManagement;
import pl.koordes.content.ArticleForm;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.events.EventStatus;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;

/**
 * Each indexed module's write paths keep the index current at commit: new content is found at once, changed content
 * by its new words and no longer by its old ones, and unpublished, hidden or deleted content is gone.
 */
@IntegrationTest
class SearchFreshnessIntegrationTests {

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    ArticleManagement articles;

    @Autowired
    EventManagement events;

    @Autowired
    ResolutionManagement resolutions;

    private static final CurrentUser EDITOR =
            new CurrentUser(1, "r@example.org", "R", List.of(new RoleAssignment(Role.EDITOR, null, null)), "pl");

    private List<String> urls(String typed, @Nullable CurrentUser user) {
        return index
                .search(new SearchRequest(SearchQuery.parse(typed), null, null, null, 1), SearchAudience.of(user))
                .hits()
                .stream()
                .map(SearchResults.Hit::url)
                .toList();
    }

    private long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    @Test
    void anArticleIsFoundWhenPublishedByItsNewWordsWhenChangedAndNotAsADraftOrDeleted() {
        long id = articles.createArticle(article("Żurawinowa kooperatywa", "PUBLISHED", ""), "Redakcja");
        String url = jdbc.sql("select '/aktualnosci/' || slug from article where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        try {
            assertThat(urls("żurawinowy", null)).containsExactly(url);
            articles.updateArticle(id, article("Jagodowa kooperatywa", "PUBLISHED", ""), "Redakcja");
            assertThat(urls("jagodowa", null)).hasSize(1);
            assertThat(urls("żurawinowa", null)).isEmpty();
            articles.updateArticle(id, article("Jagodowa kooperatywa", "DRAFT", ""), "Redakcja");
            assertThat(urls("jagodowa", null)).isEmpty();
            // Published for a later hour: found from then on, not before.
            articles.updateArticle(id, article("Jagodowa kooperatywa", "PUBLISHED", "2099-01-01T10:00"), "Redakcja");
            assertThat(urls("jagodowa", null)).isEmpty();
            articles.updateArticle(id, article("Jagodowa kooperatywa", "PUBLISHED", ""), "Redakcja");
            assertThat(urls("jagodowa", null)).hasSize(1);
        } finally {
            articles.deleteArticle(id);
        }
        assertThat(urls("jagodowa", null)).isEmpty();
    }

    private static ArticleForm article(String title, String status, String publishedAt) {
        return new ArticleForm(
                title,
                "Zajawka o spółdzielni.",
                "Treść artykułu o " + title.toLowerCase(java.util.Locale.ROOT) + ".",
                "",
                "Redakcja",
                status,
                publishedAt,
                "",
                "",
                "",
                "");
    }

    @Test
    void anEventIsFoundWhenPublishedKeptWhenCancelledAndGoneAsADraft() {
        long id = jdbc.sql("""
                        insert into event (type, level, region_id, macroregion_id, format, title, description, venue, address,
                                           online_link, starts_at, ends_at, seats_on_site, seats_online, region_quota,
                                           registration_opens_at, registration_closes_at, audience, audience_roles, status,
                                           agenda, speakers)
                        select type, level, region_id, macroregion_id, format, 'Targi pszczelarskie', 'Miód i wosk.', venue,
                               address, online_link, starts_at, ends_at, seats_on_site, seats_online, region_quota,
                               registration_opens_at, registration_closes_at, audience, audience_roles, 'DRAFT', agenda,
                               speakers
                          from event where id = (select min(id) from event where status = 'PUBLISHED')
                        returning id
                        """).query(Long.class).single();
        String url = "/wydarzenia/" + id;
        try {
            assertThat(urls("targi pszczelarskie", null)).doesNotContain(url);
            events.changeStatus(EDITOR, id, EventStatus.PUBLISHED);
            assertThat(urls("targi pszczelarskie", null)).contains(url);
            events.changeStatus(EDITOR, id, EventStatus.CANCELLED);
            assertThat(urls("targi pszczelarskie", null)).contains(url);
            events.changeStatus(EDITOR, id, EventStatus.DRAFT);
            assertThat(urls("targi pszczelarskie", null)).doesNotContain(url);
        } finally {
            jdbc.sql("delete from search_entry where source = 'event' and source_id = :id")
                    .param("id", String.valueOf(id))
                    .update();
            jdbc.sql("delete from event where id = :id").param("id", id).update();
        }
    }

    @Test
    void aResolutionIsFoundByItsInsidersUntilMadePublicAndGoneWhenRemoved() {
        long malopolskie = region("malopolskie");
        CurrentUser member = new CurrentUser(
                2, "k@example.org", "K", List.of(new RoleAssignment(Role.COMMITTEE_MEMBER, malopolskie, null)), "pl");
        long id = resolutions.add(1, malopolskie, resolution("Opinia o kuźni rzemiosła", false, null));
        try {
            assertThat(urls("kuźnia", member)).hasSize(1);
            assertThat(urls("kuźnia", null)).isEmpty();
            int version = jdbc.sql("select row_version from committee_resolution where id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            resolutions.update(malopolskie, id, resolution("Opinia o pracowni ceramiki", true, version));
            assertThat(urls("ceramika", null)).hasSize(1);
            assertThat(urls("kuźnia", member)).isEmpty();
        } finally {
            resolutions.remove(malopolskie, id);
        }
        assertThat(urls("ceramika", null)).isEmpty();
        assertThat(urls("ceramika", member)).isEmpty();
    }

    private ResolutionForm resolution(String title, boolean isPublic, @Nullable Integer version) {
        return new ResolutionForm(
                ResolutionKind.OPINION,
                title,
                "Komitet opiniuje pozytywnie.",
                resolutions.today(),
                null,
                5,
                0,
                0,
                List.of(),
                isPublic,
                null,
                version);
    }

    @Test
    void aDraftPostulateIsFoundByItsRegionOnlyAndByEveryoneOnceSubmitted() {
        long slaskie = region("slaskie");
        CurrentUser coordinator = new CurrentUser(
                3, "c@example.org", "C", List.of(new RoleAssignment(Role.REGIONAL_COORDINATOR, slaskie, null)), "pl");
        CurrentUser other = new CurrentUser(
                4,
                "o@example.org",
                "O",
                List.of(new RoleAssignment(Role.REGIONAL_COORDINATOR, region("malopolskie"), null)),
                "pl");
        long id = transactions.execute(status -> {
            long created =
                    jdbc.sql("""
                            insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                                              created_at, updated_at)
                            values (:region, (select min(id) from institution), 'Pszczelarska sieć wsparcia',
                                    'Brak sieci.', 'Utworzyć sieć.', 'DRAFT', now(), now()) returning id
                            """).param("region", slaskie).query(Long.class).single();
            publisher.publishEvent(
                    new PostulateChanged(PostulateAction.POSTULATE_DRAFTED, created, slaskie, null, Map.of()));
            return created;
        });
        try {
            assertThat(urls("pszczelarski", coordinator)).containsExactly("/postulaty/" + id);
            assertThat(urls("pszczelarski", other)).isEmpty();
            assertThat(urls("pszczelarski", null)).isEmpty();
            transactions.executeWithoutResult(status -> {
                jdbc.sql("update postulates_postulate set status = 'SUBMITTED', submitted_at = now() where id = :id")
                        .param("id", id)
                        .update();
                publisher.publishEvent(
                        new PostulateChanged(PostulateAction.POSTULATE_UPDATED, id, slaskie, null, Map.of()));
            });
            assertThat(urls("pszczelarski", null)).containsExactly("/postulaty/" + id);
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from postulates_postulate where id = :id")
                        .param("id", id)
                        .update();
                publisher.publishEvent(
                        new PostulateChanged(PostulateAction.POSTULATE_DELETED, id, slaskie, Map.of(), null));
            });
        }
        assertThat(urls("pszczelarski", null)).isEmpty();
        assertThat(Set.copyOf(urls("pszczelarski", coordinator))).isEmpty();
    }

    @Test
    void anAdoptedProgrammeIsFoundByItsGoals() {
        long version = jdbc.sql("select min(id) from monitoring_programme_version where status = 'CURRENT'")
                .query(Long.class)
                .single();
        String url = jdbc.sql("select '/monitoring/regiony/' || r.slug || '/wersje/' || v.number"
                        + " from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id"
                        + " join region r on r.id = p.region_id where v.id = :id")
                .param("id", version)
                .query(String.class)
                .single();
        long goal = jdbc.sql("select min(id) from monitoring_goal where version_id = :v")
                .param("v", version)
                .query(Long.class)
                .single();
        String name = jdbc.sql("select name from monitoring_goal where id = :id")
                .param("id", goal)
                .query(String.class)
                .single();
        try {
            adopted(version, goal, "Lawendowe pasieki społeczne");
            assertThat(urls("lawendowych pasiek", null)).containsExactly(url);
        } finally {
            adopted(version, goal, name);
        }
        assertThat(urls("lawendowych pasiek", null)).isEmpty();
    }

    /** The goal renamed and the version's adoption announced in one transaction, as adopting a draft does. */
    private void adopted(long version, long goal, String goalName) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update monitoring_goal set name = :name where id = :id")
                    .param("name", goalName)
                    .param("id", goal)
                    .update();
            publisher.publishEvent(new pl.koordes.monitoring.MonitoringChanged(
                    pl.koordes.monitoring.MonitoringAction.MONITORING_VERSION_ADOPTED,
                    "programme-version",
                    String.valueOf(version),
                    null,
                    null,
                    Map.of()));
        });
    }

    @Test
    void aNeedIsFoundByTheProgrammesStaffOnlyAndGoneWhenDeleted() {
        CurrentUser expert =
                new CurrentUser(3, "e@example.org", "E", List.of(new RoleAssignment(Role.EXPERT, null, null)), "pl");
        CurrentUser participant = new CurrentUser(
                4, "p@example.org", "P", List.of(new RoleAssignment(Role.PARTICIPANT, null, null)), "pl");
        long id = transactions.execute(status -> {
            long created = jdbc.sql("""
                            insert into surveys_need (topic, region_id, description, created_at, updated_at)
                            values ('Pasieki przy szkołach', :region, 'Brakuje opiekunów pszczelich uli.', now(), now())
                            returning id""")
                    .param("region", region("slaskie"))
                    .query(Long.class)
                    .single();
            publisher.publishEvent(new pl.koordes.surveys.NeedChanged(
                    pl.koordes.surveys.SurveyAction.NEED_CREATED, created, null, Map.of()));
            return created;
        });
        try {
            assertThat(urls("pszczelich uli", expert)).containsExactly("/potrzeby/" + id);
            assertThat(urls("pszczelich uli", participant)).isEmpty();
            assertThat(urls("pszczelich uli", null)).isEmpty();
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from surveys_need where id = :id")
                        .param("id", id)
                        .update();
                publisher.publishEvent(new pl.koordes.surveys.NeedChanged(
                        pl.koordes.surveys.SurveyAction.NEED_DELETED, id, Map.of(), null));
            });
        }
        assertThat(urls("pszczelich uli", expert)).isEmpty();
    }
}
