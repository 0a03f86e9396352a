package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Regional programmes on the running application with the demo data: the public pages with progress, an
 * update prepared as a draft copied whole from the current version, edited, compared and adopted; and
 * nothing of it reachable from another region, by address or by an id changed in a form. Each change runs
 * in a transaction rolled back afterwards, so the shared demo data stays as it was.
 */
@IntegrationTest
class ProgrammeIntegrationTests {

    static final String OWN = "malopolskie";
    static final String OTHER = "slaskie";
    static final String BASE = "/monitoring/regiony/";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    MockMvc mvc;
    UserDetails coordinator;
    UserDetails otherCoordinator;
    UserDetails administrator;
    UserDetails editor;
    UserDetails committeeMember;
    UserDetails participant;
    UserDetails central;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        otherCoordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_SLASKIE);
        administrator = users.loadUserByUsername(DemoAccounts.ADMINISTRATOR);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        committeeMember = users.loadUserByUsername(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        participant = users.loadUserByUsername(DemoAccounts.PARTICIPANT);
        central = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION);
    }

    @Test
    void thePublicPagesShowTheSixteenProgrammesTheirContentAndProgress() throws Exception {
        String list = anonymousPage("/monitoring/regiony");
        assertThat(list)
                .contains("Programy regionalne")
                .contains("href=\"/monitoring/regiony/" + OWN + "\"")
                .contains("href=\"/monitoring/regiony/zachodniopomorskie\"")
                .contains("aktualizacja: ")
                .contains("(demo)");
        assertThat(list.split("<tr>", -1)).hasSize(1 + 1 + 16);

        String page = anonymousPage(BASE + OWN);
        String name = jdbc.sql("""
                        select v.name from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = :s and v.status = 'CURRENT'""").param("s", OWN).query(String.class).single();
        assertThat(page)
                .contains(name)
                .contains("Więcej trwałych przedsiębiorstw społecznych")
                .contains("href=\"/monitoring/kpres#kierunek-III.1\"")
                .contains("href=\"/monitoring/regiony/" + OWN + "/wskazniki/R1\"")
                .contains("href=\"/monitoring/kpres/wskazniki/W7\"")
                .contains("wartości województw są sumowane")
                .contains("Jak oceniamy postęp")
                .contains("Wartości docelowe wskaźników w kolejnych latach")
                .containsPattern("zgodnie z planem|zagrożony|poważnie opóźniony")
                .contains("aktualizacja: ")
                // The draft update is not public.
                .doesNotContain("Projekt aktualizacji: dodane działanie");
        assertThat(page.indexOf("Jak oceniamy postęp")).isEqualTo(page.lastIndexOf("Jak oceniamy postęp"));

        // Dolnośląskie adopted an update: both versions are readable, and they compare.
        String lower = anonymousPage(BASE + "dolnoslaskie");
        assertThat(lower)
                .contains("href=\"/monitoring/regiony/dolnoslaskie/wersje/1\"")
                .contains("href=\"/monitoring/regiony/dolnoslaskie/wersje/1/porownanie\"")
                .contains("aktualizacja: 18.06.2024");
        assertThat(anonymousPage(BASE + "dolnoslaskie/wersje/1")).contains("już nie obowiązuje");
        String comparison = anonymousPage(BASE + "dolnoslaskie/wersje/1/porownanie");
        assertThat(comparison)
                .contains("Znak jakości dla regionalnych produktów i usług społecznych")
                .contains("<ins")
                .contains("dodano")
                .contains("zmieniono")
                .contains("<del>");

        // The region page's section links to the programme.
        assertThat(anonymousPage("/regiony/" + OWN))
                .contains("Program regionalny rozwoju ekonomii społecznej")
                .contains("href=\"/monitoring/regiony/" + OWN + "\"")
                .contains(name);
    }

    @Test
    void aDraftIsReadOnlyByItsRegionTheOperatorsAndCentralInstitutions() throws Exception {
        int draft = number(OWN, "DRAFT");
        assertThat(mvc.perform(get(BASE + OWN + "/wersje/" + draft))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get(BASE + OWN + "/projekt"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        for (UserDetails reader : List.of(coordinator, committeeMember, administrator, editor, central)) {
            assertThat(page(reader, BASE + OWN + "/projekt"))
                    .as(reader.getUsername())
                    .contains("Projekt aktualizacji: dodane działanie");
        }
        for (UserDetails stranger : List.of(participant, otherCoordinator)) {
            assertThat(send(stranger, get(BASE + OWN + "/projekt")).getStatus())
                    .as(stranger.getUsername())
                    .isEqualTo(403);
        }
        // The committee reads it and gives its opinion, but does not edit.
        assertThat(page(committeeMember, BASE + OWN + "/projekt"))
                .contains("href=\"" + BASE + OWN + "/projekt/opinia\"")
                .doesNotContain("href=\"" + BASE + OWN + "/projekt/cele/nowy\"");
        assertThat(send(committeeMember, get(BASE + OWN + "/projekt/cele/nowy")).getStatus())
                .isEqualTo(403);
        // Central institutions read, and change nothing.
        assertThat(send(central, get(BASE + OWN + "/projekt/dane")).getStatus()).isEqualTo(403);
    }

    @Test
    void startingAnUpdateCopiesTheCurrentVersionWholeWithLineageAndTargets() throws Exception {
        String slug = "lubuskie";
        inRolledBackTransaction(() -> {
            MockHttpServletResponse refused = send(
                    coordinatorOf(slug), post(BASE + slug + "/projekt/nowy").param("rationale", " "));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Wpisz uzasadnienie aktualizacji.");

            MockHttpServletResponse started =
                    send(editor, post(BASE + slug + "/projekt/nowy").param("rationale", "Ocena śródokresowa (test)"));
            assertThat(started.getStatus()).isEqualTo(302);
            long current = versionId(slug, "CURRENT");
            long draft = versionId(slug, "DRAFT");
            for (String query : List.of(
                    "select lineage::text || ':' || position || ':' || name from monitoring_goal where version_id = :v",
                    """
                    select a.lineage::text || ':' || g.lineage || ':' || a.name from monitoring_action a
                    join monitoring_goal g on g.id = a.goal_id where g.version_id = :v""",
                    """
                    select a.lineage::text || ':' || d.direction_id from monitoring_action_direction d
                    join monitoring_action a on a.id = d.action_id join monitoring_goal g on g.id = a.goal_id
                    where g.version_id = :v""",
                    """
                    select vi.indicator_id || ':' || vi.name || ':' || vi.unit || ':' || coalesce(vi.baseline::text, '')
                        || ':' || coalesce(g.lineage::text, '') || ':' || coalesce(vi.national_indicator_id::text, '')
                        || ':' || vi.region_rule
                    from monitoring_version_indicator vi left join monitoring_goal g on g.id = vi.goal_id
                    where vi.version_id = :v""",
                    "select indicator_id || ':' || year || ':' || value from monitoring_target where version_id = :v")) {
                List<String> before = rows(query, current);
                assertThat(before).as(query).isNotEmpty();
                assertThat(rows(query, draft)).as(query).containsExactlyInAnyOrderElementsOf(before);
            }
            assertThat(audits("MONITORING_VERSION_DRAFTED", draft)).isEqualTo(1);
            // A second update cannot start while one is in progress.
            assertThat(send(editor, post(BASE + slug + "/projekt/nowy").param("rationale", "Jeszcze raz"))
                            .getStatus())
                    .isEqualTo(409);
        });
    }

    @Test
    void goalsActionsMappingsIndicatorsAndTargetsAreEditedAndTheComparisonShowsIt() throws Exception {
        inRolledBackTransaction(() -> {
            String draft = BASE + OWN + "/projekt";
            MockHttpServletResponse goal = send(
                    coordinator,
                    post(draft + "/cele/nowy")
                            .param("name", "Nowy cel: gospodarka obiegu zamkniętego")
                            .param("description", "")
                            .param("rowVersion", rowVersion(OWN)));
            assertThat(goal.getStatus()).isEqualTo(302);
            long goalId = jdbc.sql(
                            "select id from monitoring_goal where name = 'Nowy cel: gospodarka obiegu zamkniętego'")
                    .query(Long.class)
                    .single();
            assertThat(lineage("monitoring_goal", goalId)).isEqualTo(goalId);

            long directionA = direction("III.3");
            long directionB = direction("IV.3");
            assertThat(send(
                                    coordinator,
                                    post(draft + "/dzialania/nowe")
                                            .param("goalId", Long.toString(goalId))
                                            .param("name", "Naprawa i ponowne użycie w spółdzielniach socjalnych")
                                            .param("directions", Long.toString(directionA), Long.toString(directionB))
                                            .param("rowVersion", rowVersion(OWN)))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(jdbc.sql("""
                            select count(*) from monitoring_action_direction d join monitoring_action a on a.id = d.action_id
                            where a.name = 'Naprawa i ponowne użycie w spółdzielniach socjalnych'""").query(Long.class).single()).isEqualTo(2);

            // Rename a goal copied from the current version; its lineage stays.
            long copied = jdbc.sql("""
                            select g.id from monitoring_goal g where g.version_id = :v order by g.position limit 1""")
                    .param("v", versionId(OWN, "DRAFT"))
                    .query(Long.class)
                    .single();
            long copiedLineage = lineage("monitoring_goal", copied);
            assertThat(send(
                                    coordinator,
                                    post(draft + "/cele/" + copied)
                                            .param("name", "Trwałe przedsiębiorstwa społeczne i dobre miejsca pracy")
                                            .param("rowVersion", rowVersion(OWN)))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(lineage("monitoring_goal", copied)).isEqualTo(copiedLineage);

            // An indicator's targets as rows, with a decimal comma and spaces between thousands.
            long r1 = indicatorId(OWN, "R1");
            String form = page(coordinator, draft + "/wskazniki/" + r1);
            assertThat(form).contains("name=\"targets[0].year\"").contains("value=\"dodaj-cel\"");
            MockHttpServletResponse saved = send(
                    coordinator,
                    indicator(post(draft + "/wskazniki/" + r1), "R1")
                            .param("targets[0].year", "2026")
                            .param("targets[0].value", "1 234,5")
                            .param("targets[1].year", "2030")
                            .param("targets[1].value", "2000.25")
                            .param("rowVersion", rowVersion(OWN)));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(rows(
                            "select year || '=' || value::text from monitoring_target where version_id = :v and indicator_id = "
                                    + r1,
                            versionId(OWN, "DRAFT")))
                    .containsExactlyInAnyOrder("2026=1234.5000", "2030=2000.2500");
            assertThat(audits("MONITORING_TARGETS_UPDATED", r1)).isEqualTo(1);

            // A new indicator, and one removed from the draft.
            assertThat(send(
                                    coordinator,
                                    indicator(post(draft + "/wskazniki/nowy"), "R42")
                                            .param("targets[0].year", "2027")
                                            .param("targets[0].value", "12,5")
                                            .param("rowVersion", rowVersion(OWN)))
                            .getStatus())
                    .isEqualTo(302);
            long r2 = indicatorId(OWN, "R2");
            assertThat(send(
                                    coordinator,
                                    post(draft + "/wskazniki/" + r2 + "/usun").param("rowVersion", rowVersion(OWN)))
                            .getStatus())
                    .as("without the question's answer nothing happens")
                    .isEqualTo(302);
            assertThat(page(coordinator, draft + "/wskazniki/" + r2 + "/usun")).contains("Usunąć wskaźnik z projektu?");
            assertThat(send(
                                    coordinator,
                                    post(draft + "/wskazniki/" + r2 + "/usun")
                                            .param("rowVersion", rowVersion(OWN))
                                            .param("potwierdzenie", "tak"))
                            .getStatus())
                    .isEqualTo(302);

            String comparison = page(coordinator, draft + "/porownanie");
            assertThat(comparison)
                    .contains("Nowy cel: gospodarka obiegu zamkniętego")
                    .contains("<ins>Trwałe przedsiębiorstwa społeczne i dobre miejsca pracy</ins>")
                    .contains("<del>Więcej trwałych przedsiębiorstw społecznych i miejsc pracy w nich</del>")
                    .contains("Naprawa i ponowne użycie w spółdzielniach socjalnych")
                    .contains(">R42<")
                    .contains("dodano")
                    .contains("usunięto")
                    .contains("zmieniono")
                    .contains("<ins>1\u00a0234,5</ins>")
                    .contains("<ins>12,5</ins>");
        });
    }

    @Test
    void adoptingMakesTheDraftCurrentAndTheOldVersionSupersededAndReadable() throws Exception {
        inRolledBackTransaction(() -> {
            int oldNumber = number(OWN, "CURRENT");
            int draftNumber = number(OWN, "DRAFT");
            String adopt = BASE + OWN + "/projekt/przyjmij";
            MockHttpServletResponse refused =
                    send(coordinator, post(adopt).param("resolutionNumber", "").param("rowVersion", rowVersion(OWN)));
            assertThat(refused.getStatus()).isEqualTo(422);
            MockHttpServletResponse asked = send(
                    coordinator,
                    post(adopt)
                            .param("resolutionNumber", "XX/300/26 (test)")
                            .param("resolutionDate", "2026-11-30")
                            .param("rowVersion", rowVersion(OWN)));
            assertThat(asked.getStatus()).isEqualTo(302);
            assertThat(number(OWN, "CURRENT")).isEqualTo(oldNumber);
            String question = page(coordinator, asked.getRedirectedUrl());
            assertThat(question)
                    .contains("Przyjąć aktualizację programu?")
                    .contains("Wersja " + draftNumber + " stanie się obowiązującą wersją programu")
                    .contains("30.11.2026")
                    .contains("name=\"potwierdzenie\"");
            MockHttpServletResponse adopted = send(
                    coordinator,
                    post(adopt)
                            .param("resolutionNumber", "XX/300/26 (test)")
                            .param("resolutionDate", "2026-11-30")
                            .param("rowVersion", rowVersion(OWN))
                            .param("potwierdzenie", "tak"));
            assertThat(adopted.getStatus()).isEqualTo(302);
            assertThat(adopted.getRedirectedUrl()).isEqualTo(BASE + OWN);
            assertThat(number(OWN, "CURRENT")).isEqualTo(draftNumber);
            assertThat(status(OWN, oldNumber)).isEqualTo("SUPERSEDED");
            assertThat(audits("MONITORING_VERSION_ADOPTED", versionId(OWN, "CURRENT")))
                    .isEqualTo(1);
            String today = Formats.date(LocalDate.now(Formats.ZONE));
            assertThat(anonymousPage(BASE + OWN))
                    .contains("aktualizacja: " + today)
                    .contains("XX/300/26 (test)")
                    .contains("Znak jakości dla regionalnych produktów i usług społecznych");
            assertThat(anonymousPage(BASE + OWN + "/wersje/" + oldNumber)).contains("już nie obowiązuje");
            assertThat(anonymousPage(BASE + OWN + "/wersje/" + oldNumber + "/porownanie"))
                    .contains("dodano");
            // An adopted version no longer changes: there is no draft to post to.
            long goal = jdbc.sql("select min(id) from monitoring_goal where version_id = :v")
                    .param("v", versionId(OWN, "CURRENT"))
                    .query(Long.class)
                    .single();
            assertThat(send(
                                    coordinator,
                                    post(BASE + OWN + "/projekt/cele/" + goal).param("name", "Zmiana"))
                            .getStatus())
                    .isEqualTo(404);
        });
    }

    @Test
    void anotherRegionsCoordinatorIsRefusedOnEveryEditingRouteAndByIdsInForms() throws Exception {
        String draft = BASE + OWN + "/projekt";
        long goal = firstOf("monitoring_goal g", "g.version_id", OWN);
        long action = jdbc.sql("""
                        select min(a.id) from monitoring_action a join monitoring_goal g on g.id = a.goal_id
                        where g.version_id = :v""")
                .param("v", versionId(OWN, "DRAFT"))
                .query(Long.class)
                .single();
        long indicator = indicatorId(OWN, "R1");
        inRolledBackTransaction(() -> {
            for (String path : List.of(
                    draft,
                    draft + "/porownanie",
                    draft + "/dane",
                    draft + "/cele/nowy",
                    draft + "/cele/" + goal,
                    draft + "/cele/" + goal + "/usun",
                    draft + "/dzialania/nowe",
                    draft + "/dzialania/" + action,
                    draft + "/dzialania/" + action + "/usun",
                    draft + "/wskazniki/nowy",
                    draft + "/wskazniki/" + indicator,
                    draft + "/wskazniki/" + indicator + "/usun",
                    draft + "/opinia",
                    draft + "/przyjmij",
                    draft + "/odrzuc")) {
                assertThat(send(otherCoordinator, get(path)).getStatus())
                        .as("GET " + path)
                        .isEqualTo(403);
                if (!path.endsWith("/porownanie") && !path.equals(draft)) {
                    assertThat(send(
                                            otherCoordinator,
                                            post(path)
                                                    .param("name", "Przejęte")
                                                    .param("rowVersion", rowVersion(OWN))
                                                    .param("potwierdzenie", "tak"))
                                    .getStatus())
                            .as("POST " + path)
                            .isEqualTo(403);
                }
            }
            for (String path : List.of(draft + "/nowy", draft + "/program")) {
                assertThat(send(otherCoordinator, post(path).param("rationale", "x"))
                                .getStatus())
                        .as(path)
                        .isEqualTo(403);
            }
            assertThat(jdbc.sql("select name from monitoring_goal where id = :id")
                            .param("id", goal)
                            .query(String.class)
                            .single())
                    .isNotEqualTo("Przejęte");

            // Małopolskie's ids sent to śląskie's own draft are not found there.
            String own = BASE + OTHER + "/projekt";
            assertThat(send(otherCoordinator, get(own + "/cele/" + goal)).getStatus())
                    .isEqualTo(404);
            assertThat(send(
                                    otherCoordinator,
                                    post(own + "/cele/" + goal)
                                            .param("name", "Przejęte")
                                            .param("rowVersion", rowVersion(OTHER)))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(send(
                                    otherCoordinator,
                                    post(own + "/wskazniki/" + indicator).param("rowVersion", rowVersion(OTHER)))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(send(
                                    otherCoordinator,
                                    post(own + "/dzialania/nowe")
                                            .param("goalId", Long.toString(goal))
                                            .param("name", "Działanie w cudzym celu")
                                            .param("rowVersion", rowVersion(OTHER)))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(send(
                                    otherCoordinator,
                                    indicator(post(own + "/wskazniki/nowy"), "R77")
                                            .param("goalId", Long.toString(goal))
                                            .param("rowVersion", rowVersion(OTHER)))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(jdbc.sql(
                                    "select count(*) from monitoring_action where goal_id = :g and name = 'Działanie w cudzym celu'")
                            .param("g", goal)
                            .query(Long.class)
                            .single())
                    .isZero();
        });
    }

    @Test
    void aStaleFormIsAConflictAndComesBackAsTyped() throws Exception {
        inRolledBackTransaction(() -> {
            String stale = rowVersion(OWN);
            long goal = firstOf("monitoring_goal g", "g.version_id", OWN);
            assertThat(send(
                                    editor,
                                    post(BASE + OWN + "/projekt/dane")
                                            .param("name", "Nazwa zmieniona przez operatora")
                                            .param("periodStart", "2021")
                                            .param("periodEnd", "2030")
                                            .param("rationale", "Zmiana równoległa")
                                            .param("rowVersion", stale))
                            .getStatus())
                    .isEqualTo(302);
            MockHttpServletResponse conflict = send(
                    coordinator,
                    post(BASE + OWN + "/projekt/cele/" + goal)
                            .param("name", "Cel wpisany przez koordynatora")
                            .param("rowVersion", stale));
            assertThat(conflict.getStatus()).isEqualTo(409);
            assertThat(conflict.getContentAsString(StandardCharsets.UTF_8))
                    .contains("W międzyczasie ktoś inny zmienił projekt aktualizacji")
                    .contains("value=\"Cel wpisany przez koordynatora\"");
            assertThat(jdbc.sql("select name from monitoring_goal where id = :id")
                            .param("id", goal)
                            .query(String.class)
                            .single())
                    .isNotEqualTo("Cel wpisany przez koordynatora");
        });
    }

    @Test
    void theCommitteeRecordsItsOpinionShownBesideTheDraftAndInTheComparison() throws Exception {
        inRolledBackTransaction(() -> {
            MockHttpServletResponse saved = send(
                    committeeMember,
                    post(BASE + OWN + "/projekt/opinia")
                            .param("opinion", "Komitet opiniuje projekt pozytywnie (test).")
                            .param("opinionDate", "2026-11-20")
                            .param("rowVersion", rowVersion(OWN)));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(page(coordinator, BASE + OWN + "/projekt"))
                    .contains("Komitet opiniuje projekt pozytywnie (test).")
                    .contains("20.11.2026");
            assertThat(page(central, BASE + OWN + "/projekt/porownanie"))
                    .contains("Komitet opiniuje projekt pozytywnie (test).");
            assertThat(audits("MONITORING_COMMITTEE_OPINION_RECORDED", versionId(OWN, "DRAFT")))
                    .isEqualTo(1);
            assertThat(send(editor, get(BASE + OWN + "/projekt/opinia")).getStatus())
                    .isEqualTo(403);
        });
    }

    @Test
    void aRegionWithoutAProgrammeFoundsOneAndDiscardingItsDraftAsksFirst() throws Exception {
        String slug = "opolskie";
        inRolledBackTransaction(() -> {
            long region = jdbc.sql("select id from region where slug = :s")
                    .param("s", slug)
                    .query(Long.class)
                    .single();
            jdbc.sql("delete from monitoring_value where region_id = :r")
                    .param("r", region)
                    .update();
            jdbc.sql("delete from monitoring_programme where region_id = :r")
                    .param("r", region)
                    .update();
            jdbc.sql("delete from monitoring_indicator where region_id = :r")
                    .param("r", region)
                    .update();
            assertThat(anonymousPage(BASE + slug)).contains("nie ma jeszcze programu");
            assertThat(page(editor, BASE + slug + "/projekt")).contains("Załóż program");
            MockHttpServletResponse founded = send(
                    editor,
                    post(BASE + slug + "/projekt/program")
                            .param("name", "Program opolski (test)")
                            .param("periodStart", "2026")
                            .param("periodEnd", "2030")
                            .param("rationale", "Pierwszy program"));
            assertThat(founded.getStatus()).isEqualTo(302);
            assertThat(number(slug, "DRAFT")).isEqualTo(1);
            String discard = BASE + slug + "/projekt/odrzuc";
            assertThat(send(editor, post(discard).param("rowVersion", rowVersion(slug)))
                            .getRedirectedUrl())
                    .isEqualTo(discard);
            assertThat(page(editor, discard)).contains("Odrzucić projekt aktualizacji?");
            assertThat(send(
                                    editor,
                                    post(discard)
                                            .param("rowVersion", rowVersion(slug))
                                            .param("potwierdzenie", "tak"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(jdbc.sql("select count(*) from monitoring_programme where region_id = :r")
                            .param("r", region)
                            .query(Long.class)
                            .single())
                    .isZero();
        });
    }

    // Helpers

    private UserDetails coordinatorOf(String slug) {
        return "malopolskie".equals(slug) ? coordinator : editor;
    }

    private static MockHttpServletRequestBuilder indicator(MockHttpServletRequestBuilder request, String code) {
        return request.param("code", code)
                .param("name", "Wskaźnik próbny " + code)
                .param("unit", "liczba")
                .param("baseline", "10")
                .param("baselineYear", "2020")
                .param("source", "ROPS")
                .param("improvement", "UP")
                .param("timeRule", "STOCK")
                .param("nationalIndicatorId", "")
                .param("regionRule", "NONE");
    }

    private long versionId(String slug, String status) {
        return jdbc.sql("""
                        select v.id from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = :s and v.status = :status""")
                .param("s", slug)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private int number(String slug, String status) {
        return jdbc.sql("""
                        select v.number from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = :s and v.status = :status""")
                .param("s", slug)
                .param("status", status)
                .query(Integer.class)
                .single();
    }

    private String status(String slug, int number) {
        return jdbc.sql("""
                        select v.status from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = :s and v.number = :n""")
                .param("s", slug)
                .param("n", number)
                .query(String.class)
                .single();
    }

    private String rowVersion(String slug) {
        return jdbc.sql("select row_version::text from monitoring_programme_version where id = :id")
                .param("id", versionId(slug, "DRAFT"))
                .query(String.class)
                .single();
    }

    private long firstOf(String table, String versionColumn, String slug) {
        return jdbc.sql("select min(g.id) from " + table + " where " + versionColumn + " = :v")
                .param("v", versionId(slug, "DRAFT"))
                .query(Long.class)
                .single();
    }

    private long indicatorId(String slug, String code) {
        return jdbc.sql("""
                        select i.id from monitoring_indicator i join region r on r.id = i.region_id
                        where r.slug = :s and i.code = :c""").param("s", slug).param("c", code).query(Long.class).single();
    }

    private long direction(String code) {
        return jdbc.sql("select id from monitoring_direction where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long lineage(String table, long id) {
        return jdbc.sql("select lineage from " + table + " where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private List<String> rows(String query, long version) {
        return jdbc.sql(query).param("v", version).query(String.class).list();
    }

    private long audits(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :id")
                .param("a", action)
                .param("id", Long.toString(id))
                .query(Long.class)
                .single();
    }

    MockHttpServletResponse send(UserDetails who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
    }

    String page(UserDetails who, @Nullable String path) throws Exception {
        MockHttpServletResponse response = send(who, get(URI.create(String.valueOf(path))));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    String anonymousPage(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(URI.create(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    interface Step {
        void run() throws Exception;
    }

    void inRolledBackTransaction(Step step) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                step.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }
}
