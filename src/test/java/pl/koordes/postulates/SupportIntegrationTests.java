package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.TestSmtp;

/**
 * Co-signing, endorsing and following through the application, as its people do it, with mail through real
 * SMTP (GreenMail): another region's coordinator signs and withdraws (after a question), the postulate's own
 * region and a closed window are refused with a clear message, endorsements are counted and never named, a
 * follower hears of a change by e-mail and in the notification centre (opening a notice marks it read and
 * leads to the postulate), hostile titles stay text everywhere and a hostile region field is never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed (mail and notices go after commit).
@DirtiesContext
class SupportIntegrationTests {

    private static final String HOSTILE = "<script>alert('poparcie')</script> & \"cudzysłów\"";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;
    UserDetails slaskie;
    UserDetails malopolskie;
    UserDetails participant;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        slaskie = users.loadUserByUsername(DemoAccounts.COORDINATOR_SLASKIE);
        malopolskie = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        participant = users.loadUserByUsername(DemoAccounts.PARTICIPANT);
    }

    @Test
    void anotherRegionsCoordinatorSignsAndWithdrawsAfterAQuestionWhileTheOwnRegionIsRefused() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Podpis Śląska"), 48);
        String base = "/postulaty/" + postulate;

        assertThat(send(post(base + "/podpis"), malopolskie).getStatus()).isEqualTo(403);

        MockHttpServletResponse signed = send(post(base + "/podpis"), slaskie);
        assertThat(signed.getStatus()).isEqualTo(302);
        assertThat(signed.getRedirectedUrl()).isEqualTo(base + "#poparcie");
        assertThat(activeSignatures(postulate)).isEqualTo(1);
        // The same click again changes nothing.
        assertThat(send(post(base + "/podpis"), slaskie).getStatus()).isEqualTo(302);
        assertThat(activeSignatures(postulate)).isEqualTo(1);

        String page = page(base, slaskie);
        assertThat(page)
                .contains("Podpisało 1 województwo.")
                .contains("Zbieranie podpisów do")
                .contains("Wycofaj podpis województwa śląskie");
        assertThat(page(base, null))
                .contains("Podpisało 1 województwo.")
                .contains("Zaloguj się, aby poprzeć")
                .doesNotContain("Wycofaj podpis");
        // The postulate's region is told.
        smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, "współpodpisało");

        String question = page(base + "/podpis/wycofaj", slaskie);
        assertThat(question).contains("Wycofać podpis województwa?").contains("potwierdzenie");
        MockHttpServletResponse unconfirmed = send(post(base + "/podpis/wycofaj"), slaskie);
        assertThat(unconfirmed.getRedirectedUrl()).startsWith(base + "/podpis/wycofaj");
        assertThat(activeSignatures(postulate)).isEqualTo(1);
        MockHttpServletResponse withdrawn = send(post(base + "/podpis/wycofaj").param("potwierdzenie", "tak"), slaskie);
        assertThat(withdrawn.getStatus()).isEqualTo(302);
        assertThat(activeSignatures(postulate)).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from postulates_signature where postulate_id = :p and withdrawn_at is not null")
                        .param("p", postulate)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // And may sign again while the window is open.
        assertThat(send(post(base + "/podpis"), slaskie).getStatus()).isEqualTo(302);
        assertThat(activeSignatures(postulate)).isEqualTo(1);
        assertThat(audits(postulate, "POSTULATE_COSIGNED")).isEqualTo(2);
        assertThat(audits(postulate, "POSTULATE_COSIGN_WITHDRAWN")).isEqualTo(1);
    }

    @Test
    void afterTheWindowASignatureAnEndorsementAndAWithdrawalAreRefusedWithAClearMessage() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Po terminie"), -1);
        String base = "/postulaty/" + postulate;

        MockHttpServletResponse refused = send(post(base + "/podpis"), slaskie);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString())
                .contains("Zbieranie podpisów i poparcia dla tego postulatu jest zamknięte");
        assertThat(send(post(base + "/poparcie"), participant).getStatus()).isEqualTo(409);
        assertThat(send(post(base + "/podpis/wycofaj").param("potwierdzenie", "tak"), slaskie)
                        .getStatus())
                .isEqualTo(409);
        assertThat(page(base + "/podpis/wycofaj", slaskie)).contains("jest zamknięte");
        assertThat(activeSignatures(postulate)).isZero();
        assertThat(page(base, slaskie))
                .contains("Zbieranie podpisów zakończone")
                .doesNotContain("Podpisz w imieniu");
    }

    @Test
    void endorsementsAreCountedNotNamedAndWithdrawable() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Poparcie"), 48);
        String base = "/postulaty/" + postulate;

        assertThat(send(post(base + "/poparcie"), slaskie).getStatus()).isEqualTo(403);
        assertThat(send(post(base + "/poparcie"), participant).getStatus()).isEqualTo(302);
        assertThat(send(post(base + "/poparcie"), participant).getStatus()).isEqualTo(302);
        String page = page(base, participant);
        assertThat(page).contains("Poparła go 1 osoba.").contains("Popierasz ten postulat.");
        assertThat(page(base, null)).contains("Poparła go 1 osoba.").doesNotContain("Popierasz");
        assertThat(send(post(base + "/poparcie/wycofaj"), participant).getStatus())
                .isEqualTo(302);
        assertThat(page(base, participant)).contains("Nikt jeszcze nie poparł postulatu osobiście.");
        assertThat(audits(postulate, "POSTULATE_ENDORSED")).isEqualTo(1);
        assertThat(audits(postulate, "POSTULATE_ENDORSEMENT_WITHDRAWN")).isEqualTo(1);
    }

    @Test
    void aFollowerHearsOfAChangeByMailAndInTheNotificationCentreWithAHostileTitleKeptAsText() throws Exception {
        String title = HOSTILE + " " + UUID.randomUUID().toString().substring(0, 8);
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", title, 48);
        String base = "/postulaty/" + postulate;
        jdbc.sql(
                        "update notifications_notice set read_at = now() where account_id = (select id from account where email = :e)")
                .param("e", DemoAccounts.PARTICIPANT)
                .update();

        assertThat(send(post(base + "/obserwuj"), participant).getStatus()).isEqualTo(302);
        assertThat(page("/moje/obserwowane-postulaty", participant)).contains("&lt;script&gt;alert(");
        assertThat(send(post(base + "/podpis"), slaskie).getStatus()).isEqualTo(302);

        MimeMessage mail = smtp.awaitMessage(DemoAccounts.PARTICIPANT, "obserwowanym postulacie");
        assertThat(TestSmtp.part(mail, "text/html")).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(TestSmtp.part(mail, "text/plain")).contains("<script>alert('poparcie')</script>");
        assertThat(TestSmtp.part(mail, "text/plain")).contains("/postulaty/" + postulate);

        UUID notice = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("""
                                        select n.id from notifications_notice n join account a on a.id = n.account_id
                                        where a.email = :e and n.link = :link and n.read_at is null
                                        """)
                                .param("e", DemoAccounts.PARTICIPANT)
                                .param("link", base)
                                .query(UUID.class)
                                .optional(),
                        Optional::isPresent)
                .orElseThrow();
        String centre = page("/powiadomienia", participant);
        assertThat(centre)
                .contains("Kolejne województwo współpodpisało postulat „&lt;script&gt;alert(")
                .doesNotContain("<script>alert(");
        assertThat(page(base, participant)).contains("Powiadomienia (1 nieprzeczytane)");

        // Someone else cannot open it.
        assertThat(send(post("/powiadomienia/" + notice), slaskie).getStatus()).isEqualTo(404);
        MockHttpServletResponse opened = send(post("/powiadomienia/" + notice), participant);
        assertThat(opened.getRedirectedUrl()).isEqualTo(base);
        assertThat(jdbc.sql("select read_at is not null from notifications_notice where id = :id")
                        .param("id", notice)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(page(base, participant)).doesNotContain("nieprzeczytane)");

        assertThat(send(post(base + "/obserwuj/wycofaj"), participant).getStatus())
                .isEqualTo(302);
        assertThat(page("/moje/obserwowane-postulaty", participant)).doesNotContain("&lt;script&gt;alert(");
    }

    @Test
    void markingAllAsReadLeavesNoUnreadNotice() throws Exception {
        long account = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.PARTICIPANT)
                .query(Long.class)
                .single();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                            insert into notifications_notice (id, account_id, kind, text, link, created_at)
                            values (gen_random_uuid(), :a, 'test', 'Próba powiadomienia', '/postulaty', now())
                            """).param("a", account).update();
        }
        assertThat(page("/powiadomienia", participant)).contains("Oznacz wszystkie jako przeczytane");
        assertThat(send(post("/powiadomienia/przeczytane"), participant).getStatus())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from notifications_notice where account_id = :a and read_at is null")
                        .param("a", account)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hostileRegionFieldsAreRefusedNeverAServerError() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Wrogie pole"), 48);
        String base = "/postulaty/" + postulate;
        List<String> values = NaughtyStrings.payloadsAnd(List.of(HOSTILE, "-1", "99999999999999999999", "1e3"));
        for (String value : values) {
            if (value.indexOf('\0') >= 0) {
                continue;
            }
            int status = send(post(base + "/podpis").param("wojewodztwo", value), slaskie)
                    .getStatus();
            assertThat(status).as(value).isIn(302, 403);
        }
        // Only a real region of the coordinator's ever signs.
        assertThat(jdbc.sql("select count(distinct region_id) from postulates_signature where postulate_id = :p")
                        .param("p", postulate)
                        .query(Long.class)
                        .single())
                .isLessThanOrEqualTo(1L);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, UserDetails person) throws Exception {
        return mvc.perform(request.with(user(person)).with(csrf())).andReturn().getResponse();
    }

    private String page(String path, UserDetails person) throws Exception {
        MockHttpServletRequestBuilder request = get(path).header("Accept", "text/html");
        if (person != null) {
            request = request.with(user(person));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private long activeSignatures(long postulate) {
        return jdbc.sql("select count(*) from postulates_signature where postulate_id = :p and withdrawn_at is null")
                .param("p", postulate)
                .query(Long.class)
                .single();
    }

    private long audits(long postulate, String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :p")
                .param("a", action)
                .param("p", String.valueOf(postulate))
                .query(Long.class)
                .single();
    }
}
