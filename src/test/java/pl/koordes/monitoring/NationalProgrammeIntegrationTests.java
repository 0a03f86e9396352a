package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * The national programme (KPRES) on the running application and its PostgreSQL: the public tree with the
 * 2023 indicators in their four areas, administrators' edits of directions, actions, indicators and yearly
 * targets (audited, shown at once), refusals (other people, stale forms, a direction regional programmes
 * depend on) and hostile text. Every test removes what it added: the data are shared with other tests.
 */
@IntegrationTest
class NationalProgrammeIntegrationTests {

    private static final String BASE = "/admin/monitoring/kpres";
    private static final String SCRIPT = "<script>alert(1)</script>";
    /** Codes of what the tests add, removed after each test. */
    private static final String PREFIX = "TNP";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    UserDetails administrator;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        administrator = users.loadUserByUsername(DemoAccounts.ADMINISTRATOR);
    }

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from monitoring_national_indicator where code like :p")
                .param("p", PREFIX + "%")
                .update();
        jdbc.sql("delete from monitoring_direction where code like :p")
                .param("p", PREFIX + "%")
                .update();
    }

    @Test
    void theTreeShowsTheThirteenIndicatorsInFourAreasWithPolishNumbersAndMissingDataSaid() throws Exception {
        Integer w2Year = jdbc.sql("select baseline_year from monitoring_national_indicator where code = 'W2'")
                .query(Integer.class)
                .optional()
                .orElse(null);
        // The 2023 data know no base years (the demo gives the mapped ones one): as loaded, W2 has none.
        jdbc.sql("update monitoring_national_indicator set baseline_year = null where code = 'W2'")
                .update();
        try {
            String page = anonymous("/monitoring/kpres");
            assertThat(count(page, "<caption id=\"tabela-")).isEqualTo(4);
            assertThat(count(page, "<h2 id=\"obszar-")).isEqualTo(4);
            Matcher links = Pattern.compile("<th scope=\"row\"><a href=\"/monitoring/kpres/wskazniki/(W\\d+)\">")
                    .matcher(page);
            List<String> codes = new ArrayList<>();
            while (links.find()) {
                codes.add(links.group(1));
            }
            assertThat(codes)
                    .containsExactly("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11", "W12", "W13");
            assertThat(page)
                    .contains("Obszar I. Solidarna wspólnota lokalna")
                    .contains("Obszar IV. Solidarne społeczeństwo")
                    .contains("dane.ekonomiaspoleczna.gov.pl")
                    .contains("cztery obszary")
                    // A decimal comma, and a non-breaking space between thousands from 10 000 on.
                    .contains("1,65 (rok bazowy nieznany)")
                    .contains("330,7")
                    .contains("35\u00a0000 w 2023 r.")
                    .contains("1419 (2020)")
                    .contains("brak danych")
                    .contains("wzrost (im więcej, tym lepiej)")
                    // Directions and their actions, from the demo data.
                    .contains("I.1 Usługi lokalne realizowane wspólnie z podmiotami ekonomii społecznej")
                    .contains("<li>I.1.1 Zlecanie usług społecznych");
            String english = anonymous("/monitoring/kpres?lang=en");
            assertThat(english)
                    .contains("Area III. Competitive social entrepreneurship")
                    .contains("Active social enterprises")
                    .contains("1.65 (base year unknown)")
                    .contains("35,000 in 2023")
                    .contains("no data");
        } finally {
            jdbc.sql("update monitoring_national_indicator set baseline_year = :y where code = 'W2'")
                    .param("y", w2Year)
                    .update();
        }
    }

    @Test
    void anAdministratorAddsEditsAndDeletesADirectionAndItsActionsAndEveryChangeIsAudited() throws Exception {
        long area = areaId("IV");
        MockHttpServletResponse created = send(post(BASE + "/obszary/" + area + "/kierunki/nowy")
                .param("code", PREFIX + "-IV.9")
                .param("namePl", "Kierunek testowy „Współpraca”")
                .param("nameEn", "Test direction")
                .param("description", "Opis kierunku.")
                .param("position", "50"));
        assertThat(created.getStatus()).isEqualTo(302);
        String location = created.getRedirectedUrl();
        assertThat(location).matches(BASE + "/kierunki/\\d+");
        long direction = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        // The same code again, in another letter case, is refused beside the field.
        MockHttpServletResponse twice = send(post(BASE + "/obszary/" + area + "/kierunki/nowy")
                .param("code", PREFIX.toLowerCase() + "-iv.9")
                .param("namePl", "Drugi")
                .param("nameEn", "Second")
                .param("position", "51"));
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(body(twice))
                .contains("Ten kod ma już inny rekord tego rodzaju.")
                .contains("value=\"Drugi\"");

        assertThat(send(post(location)
                                .param("code", PREFIX + "-IV.9")
                                .param("namePl", "Kierunek testowy po zmianie")
                                .param("nameEn", "Test direction, changed")
                                .param("description", "Opis kierunku.")
                                .param("position", "50")
                                .param("rowVersion", "0"))
                        .getStatus())
                .isEqualTo(302);
        MockHttpServletResponse action = send(post(location + "/dzialania/nowe")
                .param("code", PREFIX + "-IV.9.1")
                .param("namePl", "Działanie testowe")
                .param("nameEn", "Test action")
                .param("position", "1"));
        assertThat(action.getStatus()).isEqualTo(302);
        long actionId = jdbc.sql("select id from monitoring_national_action where code = :c")
                .param("c", PREFIX + "-IV.9.1")
                .query(Long.class)
                .single();
        assertThat(send(post(BASE + "/dzialania/" + actionId)
                                .param("code", PREFIX + "-IV.9.1")
                                .param("namePl", "Działanie testowe po zmianie")
                                .param("nameEn", "Test action, changed")
                                .param("position", "1")
                                .param("rowVersion", "0"))
                        .getStatus())
                .isEqualTo(302);

        assertThat(anonymous("/monitoring/kpres"))
                .contains(PREFIX + "-IV.9 Kierunek testowy po zmianie")
                .contains("<li>" + PREFIX + "-IV.9.1 Działanie testowe po zmianie</li>");
        assertThat(anonymous("/monitoring/kpres?lang=en")).contains("Test direction, changed");
        assertThat(page(BASE)).contains(PREFIX + "-IV.9 Kierunek testowy po zmianie");

        // Deleting asks first; without the answer nothing is deleted.
        assertThat(page(BASE + "/kierunki/" + direction + "/usun"))
                .contains("Usunąć kierunek?")
                .contains("Razem z kierunkiem zostanie usunięte 1 działanie KPRES.");
        MockHttpServletResponse unanswered = send(post(BASE + "/kierunki/" + direction + "/usun"));
        assertThat(unanswered.getRedirectedUrl()).isEqualTo(BASE + "/kierunki/" + direction + "/usun");
        assertThat(send(post(BASE + "/dzialania/" + actionId + "/usun").param("potwierdzenie", "tak"))
                        .getRedirectedUrl())
                .isEqualTo(location);
        MockHttpServletResponse deleted =
                send(post(BASE + "/kierunki/" + direction + "/usun").param("potwierdzenie", "tak"));
        assertThat(deleted.getRedirectedUrl()).isEqualTo(BASE);
        assertThat(send(get(location)).getStatus()).isEqualTo(404);
        assertThat(anonymous("/monitoring/kpres")).doesNotContain(PREFIX + "-IV.9");

        assertThat(audit("direction", direction))
                .containsExactly(
                        "MONITORING_DIRECTION_CREATED", "MONITORING_DIRECTION_UPDATED", "MONITORING_DIRECTION_DELETED");
        assertThat(audit("national-action", actionId))
                .containsExactly(
                        "MONITORING_NATIONAL_ACTION_CREATED",
                        "MONITORING_NATIONAL_ACTION_UPDATED",
                        "MONITORING_NATIONAL_ACTION_DELETED");
        Map<String, Object> change =
                jdbc.sql("""
                        select before_value ->> 'namePl' as before_name, after_value ->> 'namePl' as after_name
                        from audit_entry where action = 'MONITORING_DIRECTION_UPDATED' and target_id = :id""").param("id", Long.toString(direction)).query().singleRow();
        assertThat(change)
                .containsEntry("before_name", "Kierunek testowy „Współpraca”")
                .containsEntry("after_name", "Kierunek testowy po zmianie");
    }

    @Test
    void anAreaIsRenamedAndNamedAgain() throws Exception {
        long area = areaId("II");
        try {
            assertThat(send(post(BASE + "/obszary/" + area)
                                    .param("namePl", "Solidarny rynek pracy (zmiana testowa)")
                                    .param("nameEn", "Solidarity-based labour market"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(anonymous("/monitoring/kpres")).contains("Obszar II. Solidarny rynek pracy (zmiana testowa)");
            MockHttpServletResponse blank =
                    send(post(BASE + "/obszary/" + area).param("namePl", " ").param("nameEn", ""));
            assertThat(blank.getStatus()).isEqualTo(422);
            assertThat(body(blank)).contains("Wpisz nazwę po polsku.").contains("Wpisz nazwę po angielsku.");
        } finally {
            send(post(BASE + "/obszary/" + area)
                    .param("namePl", "Solidarny rynek pracy")
                    .param("nameEn", "Solidarity-based labour market"));
        }
        assertThat(anonymous("/monitoring/kpres")).doesNotContain("zmiana testowa");
    }

    @Test
    void onlyAdministratorsEditTheNationalProgramme() throws Exception {
        long direction = directionId("I.1");
        long indicator = indicatorId("W1");
        for (String email : List.of(
                DemoAccounts.EDITOR,
                DemoAccounts.COORDINATOR_MALOPOLSKIE,
                DemoAccounts.CENTRAL_INSTITUTION,
                DemoAccounts.COMMITTEE_MALOPOLSKIE,
                DemoAccounts.PARTICIPANT)) {
            UserDetails person = users.loadUserByUsername(email);
            for (String path :
                    List.of(BASE, BASE + "/kierunki/" + direction, BASE + "/wskazniki/" + indicator + "/cele")) {
                assertThat(mvc.perform(get(path).with(user(person)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(email + " " + path)
                        .isEqualTo(403);
            }
            MockHttpServletResponse delete = mvc.perform(post(BASE + "/kierunki/" + direction + "/usun")
                            .param("potwierdzenie", "tak")
                            .with(user(person))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(delete.getStatus()).as(email).isEqualTo(403);
            MockHttpServletResponse rename = mvc.perform(post(BASE + "/wskazniki/" + indicator)
                            .param("code", "W1")
                            .param("namePl", "Przejęty")
                            .with(user(person))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(rename.getStatus()).as(email).isEqualTo(403);
        }
        // A visitor is sent to sign in.
        assertThat(mvc.perform(get(BASE)).andReturn().getResponse().getRedirectedUrl())
                .contains("/logowanie");
        assertThat(jdbc.sql("select name_pl from monitoring_national_indicator where code = 'W1'")
                        .query(String.class)
                        .single())
                .isNotEqualTo("Przejęty");
    }

    @Test
    void aStaleFormIsAConflictThatKeepsWhatWasTypedAndOverwritesNothing() throws Exception {
        long indicator = createIndicator(PREFIX + "S", "Wskaźnik do edycji");
        String path = BASE + "/wskazniki/" + indicator;
        assertThat(page(path)).contains("name=\"rowVersion\" value=\"0\"");
        // Someone saves first…
        assertThat(send(indicatorForm(path, PREFIX + "S", "Zapis pierwszej osoby", "0"))
                        .getStatus())
                .isEqualTo(302);
        // …then the second person's form, shown before that save, is refused.
        MockHttpServletResponse stale = send(indicatorForm(path, PREFIX + "S", "Zapis drugiej osoby", "0"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(body(stale))
                .contains("Ten rekord został zmieniony przez kogoś innego po otwarciu formularza.")
                .contains("value=\"Zapis drugiej osoby\"")
                .contains("Otwórz aktualną wersję");
        assertThat(jdbc.sql("select name_pl from monitoring_national_indicator where id = :id")
                        .param("id", indicator)
                        .query(String.class)
                        .single())
                .isEqualTo("Zapis pierwszej osoby");

        // The yearly targets are checked against the same version.
        MockHttpServletResponse staleTargets = send(post(path + "/cele")
                .param("targets[0].year", "2027")
                .param("targets[0].value", "5")
                .param("rowVersion", "0"));
        assertThat(staleTargets.getStatus()).isEqualTo(409);
        assertThat(body(staleTargets)).contains("value=\"2027\"");
        assertThat(targets(indicator)).isEmpty();

        // A direction in the same way.
        long direction = directionId("I.2");
        int version = jdbc.sql("select row_version from monitoring_direction where id = :id")
                .param("id", direction)
                .query(Integer.class)
                .single();
        MockHttpServletResponse staleDirection = send(post(BASE + "/kierunki/" + direction)
                .param("code", "I.2")
                .param("namePl", "Nazwa z nieaktualnego formularza")
                .param("nameEn", "Stale")
                .param("position", "2")
                .param("rowVersion", Integer.toString(version + 1)));
        assertThat(staleDirection.getStatus()).isEqualTo(409);
        assertThat(anonymous("/monitoring/kpres")).doesNotContain("Nazwa z nieaktualnego formularza");
    }

    @Test
    void aDirectionRegionalProgrammesDependOnIsNotDeletedAndTheQuestionSaysHowMany() throws Exception {
        long direction = directionId("I.1");
        int actions = jdbc.sql(
                        "select count(distinct action_id) from monitoring_action_direction where direction_id = :id")
                .param("id", direction)
                .query(Integer.class)
                .single();
        assertThat(actions).as("demo actions mapped to I.1").isPositive();
        String question = page(BASE + "/kierunki/" + direction + "/usun");
        assertThat(question)
                .contains("Tego kierunku nie można usunąć")
                .contains(actions + " działa")
                .contains("1 wskaźnik KPRES")
                .doesNotContain("Tak, usuń kierunek");
        MockHttpServletResponse refused =
                send(post(BASE + "/kierunki/" + direction + "/usun").param("potwierdzenie", "tak"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(body(refused)).contains("Tego kierunku nie można usunąć");
        assertThat(jdbc.sql("select count(*) from monitoring_direction where id = :id")
                        .param("id", direction)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(audit("direction", direction)).doesNotContain("MONITORING_DIRECTION_DELETED");

        // An indicator regional indicators add up to is kept in the same way.
        long w7 = indicatorId("W7");
        MockHttpServletResponse indicator =
                send(post(BASE + "/wskazniki/" + w7 + "/usun").param("potwierdzenie", "tak"));
        assertThat(indicator.getStatus()).isEqualTo(409);
        assertThat(body(indicator)).contains("Tego wskaźnika nie można usunąć");
    }

    @Test
    void yearlyTargetsAreRowsOfTheirOwnSavedAndShownOnThePublicPage() throws Exception {
        long iii = areaId("III");
        long direction = directionId("III.1");
        MockHttpServletResponse created = send(post(BASE + "/obszary/" + iii + "/wskazniki/nowy")
                .param("code", PREFIX + "T")
                .param("namePl", "Wskaźnik z wartościami w latach")
                .param("nameEn", "Indicator with yearly targets")
                .param("unit", "liczba")
                .param("directionId", Long.toString(direction))
                .param("baseline", "1 234,5")
                .param("baselineYear", "2021")
                .param("target", "12.5")
                .param("targetYear", "2030")
                .param("improvement", "DOWN")
                .param("timeRule", "FLOW")
                .param("source", "ROPS")
                .param("latestValue", "")
                .param("latestYear", "")
                .param("position", "90"));
        assertThat(created.getStatus()).isEqualTo(302);
        long indicator = indicatorId(PREFIX + "T");
        String path = BASE + "/wskazniki/" + indicator + "/cele";

        // "Add a row" shows the form again with one more row, saving nothing.
        MockHttpServletResponse added = send(post(path)
                .param("targets[0].year", "2026")
                .param("targets[0].value", "1 500")
                .param("rowVersion", "0")
                .param("akcja", "dodaj-wiersz"));
        assertThat(added.getStatus()).isEqualTo(200);
        assertThat(body(added))
                .contains("id=\"targets[1].year\"")
                .contains("value=\"1500\"")
                .contains("Rok docelowy 2");
        assertThat(targets(indicator)).isEmpty();
        MockHttpServletResponse removed = send(post(path)
                .param("targets[0].year", "2026")
                .param("targets[1].year", "2099")
                .param("rowVersion", "0")
                .param("akcja", "usun-wiersz-1"));
        assertThat(body(removed)).doesNotContain("id=\"targets[1].year\"");

        // Two rows with the same year, a year out of range and a word for a number: refused beside the rows.
        MockHttpServletResponse wrong = send(post(path)
                .param("targets[0].year", "2026")
                .param("targets[0].value", "10")
                .param("targets[1].year", "2026")
                .param("targets[1].value", "dużo")
                .param("targets[2].year", "1999")
                .param("targets[2].value", "3")
                .param("rowVersion", "0"));
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(body(wrong)).contains("value=\"dużo\"").contains("Wpisz rok od 2000 do 2100.");
        assertThat(targets(indicator)).isEmpty();

        MockHttpServletResponse saved = send(post(path)
                .param("targets[0].year", "2027")
                .param("targets[0].value", "1600,25")
                .param("targets[1].year", "")
                .param("targets[1].value", "")
                .param("targets[2].year", "2026")
                .param("targets[2].value", "1 500")
                .param("rowVersion", "0"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(targets(indicator)).containsExactly("2026=1500", "2027=1600.25");
        assertThat(anonymous("/monitoring/kpres"))
                .contains("1234,5 (2021)")
                .contains("12,5 w 2030 r.")
                .contains("2026: 1500; 2027: 1600,25")
                .contains("spadek (im mniej, tym lepiej)");
        assertThat(page(path)).contains("value=\"1600,25\"").contains("name=\"rowVersion\" value=\"1\"");
        assertThat(audit("national-indicator", indicator))
                .containsExactly("MONITORING_NATIONAL_INDICATOR_CREATED", "MONITORING_NATIONAL_TARGETS_UPDATED");
        String targetsAfter = jdbc.sql("""
                        select after_value ->> 'targets' from audit_entry
                        where action = 'MONITORING_NATIONAL_TARGETS_UPDATED' and target_id = :id""")
                .param("id", Long.toString(indicator))
                .query(String.class)
                .single();
        assertThat(targetsAfter).isEqualTo("2026: 1500; 2027: 1600.25");

        // A direction of another area is refused.
        MockHttpServletResponse otherArea = send(indicatorForm(BASE + "/wskazniki/" + indicator, PREFIX + "T", "X", "1")
                .param("directionId", Long.toString(directionId("I.1"))));
        assertThat(otherArea.getStatus()).isEqualTo(422);
        assertThat(body(otherArea)).contains("Wybierz kierunek z obszaru tego wskaźnika.");

        // Deleting it deletes its targets, after the question.
        assertThat(page(BASE + "/wskazniki/" + indicator + "/usun"))
                .contains("Razem ze wskaźnikiem zostaną usunięte 2 wartości docelowe.");
        assertThat(send(post(BASE + "/wskazniki/" + indicator + "/usun").param("potwierdzenie", "tak"))
                        .getRedirectedUrl())
                .isEqualTo(BASE);
        assertThat(targets(indicator)).isEmpty();
        assertThat(anonymous("/monitoring/kpres")).doesNotContain("Wskaźnik z wartościami w latach");
    }

    @Test
    void hostileTextInTheIndicatorFormIsNeverAServerErrorAndComesBackEscaped() throws Exception {
        long area = areaId("I");
        String newForm = BASE + "/obszary/" + area + "/wskazniki/nowy";
        List<String> strings = NaughtyStrings.payloadsAnd(List.of(
                SCRIPT,
                "\"><img src=x onerror=alert(1)>",
                "\u0000null\u0000",
                "a".repeat(5_000),
                "1e999999999",
                "99999999999999999999999999,5",
                "-0,00001",
                "\u202Ekcatta\u202C"));
        assertThat(strings).hasSizeGreaterThan(400);
        for (String text : strings) {
            // The position left empty: every submission is refused, and shows back what was typed.
            MockHttpServletResponse response = send(post(newForm)
                    .param("code", PREFIX + "H")
                    .param("namePl", text)
                    .param("nameEn", text)
                    .param("unit", text)
                    .param("source", text)
                    .param("baseline", text)
                    .param("baselineYear", text)
                    .param("target", text)
                    .param("improvement", text)
                    .param("position", ""));
            assertThat(response.getStatus()).as(text).isEqualTo(422);
            String body = body(response);
            if (text.contains("<") && (text.contains("alert") || text.contains("onerror"))) {
                assertThat(body).as(text).doesNotContain(text);
            }
            MockHttpServletResponse targets = send(post(BASE + "/wskazniki/" + indicatorId("W1") + "/cele")
                    .param("targets[0].year", text)
                    .param("targets[0].value", text)
                    .param("rowVersion", text));
            assertThat(targets.getStatus()).as(text).isIn(409, 422);
        }
        assertThat(jdbc.sql("select count(*) from monitoring_national_indicator where code like :p")
                        .param("p", PREFIX + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(targets(indicatorId("W1"))).isEmpty();

        // Saved hostile names are escaped on the public page and in the administration.
        long indicator = createIndicator(PREFIX + "X", SCRIPT);
        assertThat(anonymous("/monitoring/kpres"))
                .doesNotContain(SCRIPT)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page(BASE)).doesNotContain(SCRIPT);
        assertThat(page(BASE + "/wskazniki/" + indicator + "/usun")).doesNotContain(SCRIPT);
        // A row index far past the limit, and a forged row action, are not server errors either.
        assertThat(send(post(BASE + "/wskazniki/" + indicator + "/cele")
                                .param("targets[100000].year", "2030")
                                .param("rowVersion", "0"))
                        .getStatus())
                .isEqualTo(400);
        assertThat(send(post(BASE + "/wskazniki/" + indicator + "/cele")
                                .param("rowVersion", "0")
                                .param("akcja", "usun-wiersz-99999999999"))
                        .getStatus())
                .isLessThan(500);
        assertThat(send(get(BASE + "/wskazniki/99999999999")).getStatus()).isEqualTo(404);
        assertThat(send(get(BASE + "/wskazniki/abc")).getStatus()).isEqualTo(400);
    }

    // Helpers

    private long createIndicator(String code, String name) throws Exception {
        MockHttpServletResponse created = send(post(BASE + "/obszary/" + areaId("I") + "/wskazniki/nowy")
                .param("code", code)
                .param("namePl", name)
                .param("nameEn", name)
                .param("unit", "%")
                .param("improvement", "UP")
                .param("timeRule", "STOCK")
                .param("position", "95"));
        assertThat(created.getStatus()).as(body(created)).isEqualTo(302);
        return indicatorId(code);
    }

    private static MockHttpServletRequestBuilder indicatorForm(String path, String code, String name, String version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("namePl", name);
        fields.put("nameEn", "Indicator");
        fields.put("unit", "%");
        fields.put("improvement", "UP");
        fields.put("timeRule", "STOCK");
        fields.put("position", "95");
        fields.put("rowVersion", version);
        MockHttpServletRequestBuilder request = post(path);
        fields.forEach(request::param);
        return request;
    }

    private List<String> targets(long indicator) {
        return jdbc.sql(
                        "select year || '=' || trim_scale(value) from monitoring_national_target where indicator_id = :id order by year")
                .param("id", indicator)
                .query(String.class)
                .list();
    }

    private List<String> audit(String type, long id) {
        return jdbc.sql("select action from audit_entry where target_type = :type and target_id = :id order by id")
                .param("type", type)
                .param("id", Long.toString(id))
                .query(String.class)
                .list();
    }

    private long areaId(String code) {
        return jdbc.sql("select id from monitoring_area where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long directionId(String code) {
        return jdbc.sql("select id from monitoring_direction where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long indicatorId(String code) {
        return jdbc.sql("select id from monitoring_national_indicator where code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(administrator)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = send(get(URI.create(path)));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return body(response);
    }

    private String anonymous(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(URI.create(path))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return body(response);
    }

    private static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
