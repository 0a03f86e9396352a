package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * The Big List of Naughty Strings, and payloads of our own, through every text field of the programme
 * forms: never a 500, and what is saved comes back escaped on the draft, its comparison and the public
 * page after adoption. Everything runs in a transaction rolled back afterwards.
 */
@IntegrationTest
class ProgrammeHostileInputIntegrationTests {

    static final String OWN = "malopolskie";
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMAGE = "\"><img src=x onerror=alert(1)>";
    static final String DRAFT = "/monitoring/regiony/" + OWN + "/projekt";

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

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
    }

    @Test
    void hostileTextInEveryFieldOfEveryFormIsNeverA500AndComesBackEscaped() {
        List<String> hostile = NaughtyStrings.payloadsAnd(List.of(
                SCRIPT,
                IMAGE,
                "\u0000",
                "'; drop table monitoring_goal; --",
                "x".repeat(9000),
                "\u202Ekcatta\u202C",
                "12,5; 1 234,5; 1e9999; NaN; -0,00001"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            try {
                long goal = jdbc.sql("select min(id) from monitoring_goal where version_id = :v")
                        .param("v", draftId())
                        .query(Long.class)
                        .single();
                long action =
                        jdbc.sql("""
                                select min(a.id) from monitoring_action a join monitoring_goal g on g.id = a.goal_id
                                where g.version_id = :v""").param("v", draftId()).query(Long.class).single();
                long indicator =
                        jdbc.sql("""
                                select min(indicator_id) from monitoring_version_indicator where version_id = :v""").param("v", draftId()).query(Long.class).single();
                for (String text : hostile) {
                    for (MockHttpServletRequestBuilder request : List.of(
                            post(DRAFT + "/dane")
                                    .param("name", text)
                                    .param("periodStart", text)
                                    .param("periodEnd", "2030")
                                    .param("rationale", text),
                            post(DRAFT + "/cele/" + goal).param("name", text).param("description", text),
                            post(DRAFT + "/dzialania/" + action)
                                    .param("goalId", Long.toString(goal))
                                    .param("name", text)
                                    .param("description", text)
                                    .param("directions", text),
                            post(DRAFT + "/wskazniki/" + indicator)
                                    .param("code", text)
                                    .param("name", text)
                                    .param("unit", text)
                                    .param("baseline", text)
                                    .param("baselineYear", text)
                                    .param("source", text)
                                    .param("improvement", "UP")
                                    .param("timeRule", text)
                                    .param("targets[0].year", "2026")
                                    .param("targets[0].value", text),
                            post(DRAFT + "/wskazniki/nowy")
                                    .param("code", text)
                                    .param("name", text)
                                    .param("unit", text)
                                    .param("improvement", "UP")
                                    .param("timeRule", "STOCK")
                                    .param("targets[0].year", text)
                                    .param("targets[0].value", "1"),
                            post(DRAFT + "/opinia").param("opinion", text).param("opinionDate", "2026-11-20"),
                            post(DRAFT + "/przyjmij")
                                    .param("resolutionNumber", text)
                                    .param("resolutionDate", text),
                            post(DRAFT + "/nowy").param("rationale", text))) {
                        MockHttpServletResponse response = send(request.param("rowVersion", rowVersion()));
                        assertThat(response.getStatus()).as("%s", text).isIn(302, 404, 409, 422);
                        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                                .doesNotContain(SCRIPT)
                                .doesNotContain("<img src=x");
                    }
                }
                // What was saved last is the corpus's last strings: every page shows it escaped.
                for (String text : List.of(SCRIPT, IMAGE)) {
                    assertThat(send(post(DRAFT + "/cele/" + goal)
                                            .param("name", text)
                                            .param("description", text)
                                            .param("rowVersion", rowVersion()))
                                    .getStatus())
                            .isEqualTo(302);
                    assertThat(send(post(DRAFT + "/opinia")
                                            .param("opinion", text)
                                            .param("opinionDate", "2026-11-20")
                                            .param("rowVersion", rowVersion()))
                                    .getStatus())
                            .isEqualTo(302);
                    for (String path : List.of(DRAFT, DRAFT + "/porownanie", DRAFT + "/cele/" + goal)) {
                        String page = page(path);
                        assertThat(page).as(path).doesNotContain(SCRIPT).doesNotContain("<img src=x");
                    }
                }
                assertThat(page(DRAFT)).contains("&lt;img src=x onerror=alert(1)&gt;");
                MockHttpServletResponse adopted = send(post(DRAFT + "/przyjmij")
                        .param("resolutionNumber", SCRIPT)
                        .param("resolutionDate", "2026-11-30")
                        .param("rowVersion", rowVersion())
                        .param("potwierdzenie", "tak"));
                assertThat(adopted.getStatus()).isEqualTo(302);
                String publicPage = mvc.perform(get(URI.create("/monitoring/regiony/" + OWN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(publicPage)
                        .doesNotContain(SCRIPT)
                        .doesNotContain("<img src=x")
                        .contains("&lt;script&gt;");
                assertThat(mvc.perform(get(URI.create("/monitoring/regiony")))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                        .doesNotContain(SCRIPT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private long draftId() {
        return jdbc.sql("""
                        select v.id from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = :s and v.status = 'DRAFT'""").param("s", OWN).query(Long.class).single();
    }

    private String rowVersion() {
        return jdbc.sql("select row_version::text from monitoring_programme_version where id = :id")
                .param("id", draftId())
                .query(String.class)
                .single();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(coordinator)).with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(String path) throws Exception {
        MockHttpServletResponse response = send(get(URI.create(path)));
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
