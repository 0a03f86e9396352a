package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Two people saving the same value at once, on PostgreSQL with committed transactions: one save wins, the
 * other gets 409 with the form as typed and the current value, and nothing is overwritten silently. The
 * value lives in a period of its own (2099), removed afterwards.
 */
@IntegrationTest
class ReportingConcurrencyIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    UserDetails coordinator;
    long period;
    long indicator;
    String path;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        period = jdbc.sql(
                        "insert into monitoring_period (kind, year, deadline) values ('YEAR', 2099, date '2100-02-28') returning id")
                .query(Long.class)
                .single();
        indicator = jdbc.sql("""
                        select min(vi.indicator_id) from monitoring_version_indicator vi
                        join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
                        join monitoring_programme p on p.id = pv.programme_id
                        join region r on r.id = p.region_id where r.slug = 'malopolskie'""").query(Long.class).single();
        path = "/monitoring/sprawozdania/" + period + "/malopolskie/wskazniki/" + indicator;
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from monitoring_value where period_id = :p")
                .param("p", period)
                .update();
        jdbc.sql("delete from monitoring_period where id = :p")
                .param("p", period)
                .update();
    }

    private MockHttpServletResponse save(String rowVersion, String value) throws Exception {
        return mvc.perform(post(path)
                        .param("rowVersion", rowVersion)
                        .param("value", value)
                        .param("comment", "Komentarz " + value)
                        .with(user(coordinator))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private int version() {
        return jdbc.sql("select row_version from monitoring_value where period_id = :p and indicator_id = :i")
                .param("p", period)
                .param("i", indicator)
                .query(Integer.class)
                .single();
    }

    private String stored() {
        return jdbc.sql("select value from monitoring_value where period_id = :p and indicator_id = :i")
                .param("p", period)
                .param("i", indicator)
                .query(BigDecimal.class)
                .single()
                .stripTrailingZeros()
                .toPlainString();
    }

    @Test
    void twoSavesWithTheSameVersionOneWinsAndTheOtherIsToldWithWhatTheyTyped() throws Exception {
        assertThat(save("", "10").getStatus()).isEqualTo(302);
        String shown = String.valueOf(version());
        assertThat(save(shown, "11").getStatus()).isEqualTo(302);
        MockHttpServletResponse late = save(shown, "12,75");
        assertThat(late.getStatus()).isEqualTo(409);
        String body = late.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("value=\"12,75\"")
                .contains("Komentarz 12,75")
                .contains("Ktoś inny zmienił tę wartość")
                .contains("Obecnie zapisana wartość: 11");
        assertThat(stored()).isEqualTo("11");
        // Two people starting the same value at once: one creates it, the other is told.
        jdbc.sql("delete from monitoring_value where period_id = :p")
                .param("p", period)
                .update();
        assertThat(race("", "20", "21")).containsExactlyInAnyOrder(302, 409);
    }

    @Test
    void twoConcurrentSavesOfTheSameVersionNeverBothWin() throws Exception {
        assertThat(save("", "1").getStatus()).isEqualTo(302);
        String shown = String.valueOf(version());
        List<Integer> statuses = race(shown, "30", "40");
        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        assertThat(version()).isEqualTo(Integer.parseInt(shown) + 1);
        assertThat(stored()).isIn("30", "40");
    }

    private List<Integer> race(String version, String first, String second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String value : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return save(version, value).getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
