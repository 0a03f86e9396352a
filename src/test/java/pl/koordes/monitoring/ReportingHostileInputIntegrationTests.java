package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * Every string of the Big List of Naughty Strings through every text field of reporting — the value's
 * comment, source and explanation, the reason of a return and of a correction, a note: never a 500, and
 * markup comes back escaped, never as elements. Everything happens in a transaction rolled back afterwards.
 */
@IntegrationTest
class ReportingHostileInputIntegrationTests {

    static final List<String> OWN = List.of(
            "<script>alert('sprawozdanie')</script>", "\"><img src=x onerror=alert(1)>", "12,5</td><td>", "ą\u202Eę");

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    ReportingTesting t;
    UserDetails coordinator;
    UserDetails editor;

    @BeforeEach
    void setUp() {
        t = new ReportingTesting(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                jdbc,
                transactions);
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
    }

    @Test
    void naughtyStringsInEveryReportingFieldAreNeverAServerErrorAndComeBackEscaped() {
        long period = t.openPeriod();
        long indicator = t.indicator("malopolskie", period, "DRAFT");
        long approved = t.indicator("malopolskie", t.pastPeriod(), "APPROVED");
        String base = "/monitoring/sprawozdania/" + period + "/malopolskie";
        String value = base + "/wskazniki/" + indicator;
        String correction =
                "/monitoring/sprawozdania/" + t.pastPeriod() + "/malopolskie/wskazniki/" + approved + "/korekta";
        List<String> strings = NaughtyStrings.payloadsAnd(OWN);
        assertThat(strings).hasSizeGreaterThan(OWN.size());
        t.inRolledBackTransaction(() -> {
            for (String hostile : strings) {
                var row = t.value(period, indicator);
                MockHttpServletResponse saved = t.send(
                        coordinator,
                        post(value)
                                .param("rowVersion", String.valueOf(row.rowVersion()))
                                .param("value", "10")
                                .param("comment", hostile)
                                .param("source", hostile)
                                .param("explanation", hostile));
                assertThat(saved.getStatus()).as(hostile).isIn(302, 422);
                if (saved.getStatus() == 422) {
                    assertEscaped(saved, hostile);
                } else {
                    assertEscaped(t.send(coordinator, get(value)), hostile);
                }
                MockHttpServletResponse note =
                        t.send(coordinator, post(value + "/uwagi").param("body", hostile));
                assertThat(note.getStatus()).as(hostile).isIn(302, 422);
                MockHttpServletResponse question = t.send(
                        editor, get(correction + "?reason=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)));
                assertThat(question.getStatus()).as(hostile).isIn(200, 302, 400);
                assertEscaped(question, hostile);
                MockHttpServletResponse returned =
                        t.send(editor, post(base + "/zwroc").param("reason", hostile));
                assertThat(returned.getStatus()).as(hostile).isIn(302, 422);
            }
            // The notes written are all on the value's page, escaped.
            String page = t.page(coordinator, value);
            assertThat(page)
                    .doesNotContain("<script>alert('sprawozdanie')</script>")
                    .contains("&lt;script&gt;alert(")
                    .doesNotContain("<img src=x");
        });
    }

    private static void assertEscaped(MockHttpServletResponse response, String hostile) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (hostile.contains("<") && hostile.length() > 3) {
            assertThat(body).as(hostile).doesNotContain(hostile);
        }
        assertThat(body).doesNotContain("<script>alert").doesNotContain("<img src=x");
    }
}
