package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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

/**
 * Forwarding on the running application, each case rolled back: the operator's queue lists what waits
 * (overdue first, "po terminie od N dni"), the form proposes today + 30 days and the postulate's
 * addressee, a deadline today or earlier is refused, forwarding closes co-signing, records the step with
 * the date and the audit line, and a corrected addressee is the one that answers.
 */
@IntegrationTest
class ForwardingIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    AnswersTesting t;
    UserDetails editor;
    UserDetails ministry;
    UserDetails funds;
    UserDetails coordinator;
    long submitted;

    @BeforeEach
    void setUp() {
        t = new AnswersTesting(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                jdbc,
                transactions);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        ministry = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION);
        funds = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION_OTHER);
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        submitted = t.postulate("malopolskie", "SUBMITTED", "MRPiPS");
    }

    @Test
    void theQueueListsSubmittedAndOverduePostulatesForOperatorsOnly() throws Exception {
        MockHttpServletResponse queue = t.as(editor, get("/postulaty/obsluga"));
        assertThat(queue.getStatus()).isEqualTo(200);
        String page = queue.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/postulaty/" + submitted + "/przekaz").contains("po terminie od 12 dni");
        assertThat(t.as(coordinator, get("/postulaty/obsluga")).getStatus()).isEqualTo(403);
        assertThat(t.as(ministry, get("/postulaty/obsluga")).getStatus()).isEqualTo(403);
        assertThat(t.as(editor, get("/postulaty/" + submitted)).getContentAsString(StandardCharsets.UTF_8))
                .contains("/postulaty/" + submitted + "/przekaz")
                .contains("/postulaty/" + submitted + "/polacz");
    }

    @Test
    void theFormProposesTheDefaultDeadlineAndRefusesOneNotInTheFuture() {
        t.inRolledBackTransaction(() -> {
            String form = t.as(editor, get("/postulaty/" + submitted + "/przekaz"))
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(form).contains("value=\"" + AnswersTesting.today().plusDays(30) + "\"");
            MockHttpServletResponse today = t.as(
                    editor,
                    post("/postulaty/" + submitted + "/przekaz")
                            .param("forwardDue", AnswersTesting.today().toString())
                            .param("forwardAddressee", String.valueOf(institution("MRPiPS"))));
            assertThat(today.getStatus()).isEqualTo(422);
            assertThat(today.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Termin odpowiedzi musi przypadać po dzisiejszym dniu.");
            MockHttpServletResponse notCentral = t.as(
                    editor,
                    post("/postulaty/" + submitted + "/przekaz")
                            .param(
                                    "forwardDue",
                                    AnswersTesting.today().plusDays(10).toString())
                            .param(
                                    "forwardAddressee",
                                    String.valueOf(jdbc.sql("select min(id) from institution where kind <> 'CENTRAL'")
                                            .query(Long.class)
                                            .single())));
            assertThat(notCentral.getStatus()).isEqualTo(422);
            assertThat(t.status(submitted)).isEqualTo("SUBMITTED");
        });
    }

    @Test
    void forwardingSetsTheDeadlineClosesCoSigningAndRecordsTheStepAndTheAudit() {
        LocalDate due = AnswersTesting.today().plusDays(21);
        t.inRolledBackTransaction(() -> {
            assertThat(t.as(
                                    coordinator,
                                    post("/postulaty/" + submitted + "/przekaz")
                                            .param("forwardDue", due.toString())
                                            .param("forwardAddressee", String.valueOf(institution("MRPiPS"))))
                            .getStatus())
                    .isEqualTo(403);
            MockHttpServletResponse forwarded = t.as(
                    editor,
                    post("/postulaty/" + submitted + "/przekaz")
                            .param("forwardDue", due.toString())
                            .param("forwardAddressee", String.valueOf(institution("MFiPR"))));
            assertThat(forwarded.getStatus()).isEqualTo(302);
            assertThat(t.status(submitted)).isEqualTo("FORWARDED");
            assertThat(jdbc.sql("""
                            select answer_due = :due and forwarded_at is not null and signing_closes_at <= clock_timestamp()
                                   and addressee_id = :mfipr
                            from postulates_postulate where id = :id""")
                            .param("due", due)
                            .param("mfipr", institution("MFiPR"))
                            .param("id", submitted)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(jdbc.sql("select detail from postulates_step where postulate_id = :id and kind = 'FORWARDED'")
                            .param("id", submitted)
                            .query(String.class)
                            .list())
                    .containsExactly(due.toString());
            assertThat(t.audits("POSTULATE_FORWARDED", submitted)).isEqualTo(1);
            // Forwarded once: a second time is a conflict.
            assertThat(t.as(
                                    editor,
                                    post("/postulaty/" + submitted + "/przekaz")
                                            .param("forwardDue", due.toString())
                                            .param("forwardAddressee", String.valueOf(institution("MFiPR"))))
                            .getStatus())
                    .isEqualTo(409);
            // The corrected addressee answers; the one the region chose does not.
            assertThat(t.as(ministry, get("/postulaty/" + submitted + "/odpowiedz"))
                            .getStatus())
                    .isEqualTo(403);
            assertThat(t.as(funds, get("/postulaty/" + submitted + "/odpowiedz"))
                            .getStatus())
                    .isEqualTo(200);
            assertThat(t.as(funds, get("/postulaty/do-odpowiedzi")).getContentAsString(StandardCharsets.UTF_8))
                    .contains("/postulaty/" + submitted + "\"");
        });
    }

    @Test
    void aDraftIsNotFoundForTheOperator() throws Exception {
        long draft = t.postulate("malopolskie", "DRAFT", "MRPiPS");
        assertThat(t.as(editor, get("/postulaty/" + draft + "/przekaz")).getStatus())
                .isEqualTo(404);
        assertThat(t.as(editor, get("/postulaty/" + draft + "/polacz")).getStatus())
                .isEqualTo(404);
    }

    private long institution(String shortName) {
        return jdbc.sql("select id from institution where short_name = :s and kind = 'CENTRAL'")
                .param("s", shortName)
                .query(Long.class)
                .single();
    }
}
