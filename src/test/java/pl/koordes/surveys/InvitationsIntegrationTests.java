package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.mail.MailKind;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.text.TextInput;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.TestSmtp;

/**
 * Invitations and reminders through real SMTP (GreenMail), with committed changes (mail goes after commit):
 * the invitation reaches exactly the audience (roles, regions, active accounts; nobody for the link), once
 * a day however often the operator clicks; the reminder skips people who answered (also anonymously) and,
 * in a survey answered per institution, every person of an institution that answered, and mentions a saved
 * draft; an account that turned notifications off gets the notice but no mail; a survey that is not open
 * is refused with 409; hostile titles come back escaped in the mail and on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed.
@DirtiesContext
class InvitationsIntegrationTests {

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

    @Autowired
    Mailer mailer;

    private final Instant now = Instant.now();

    private InvitationsTesting testing() {
        return new InvitationsTesting(jdbc);
    }

    @Test
    void theInvitationReachesExactlyTheAudienceOnceADay() throws Exception {
        InvitationsTesting t = testing();
        long lubuskie = t.region("lubuskie");
        long malopolskie = t.region("malopolskie");
        long podkarpackie = t.region("podkarpackie");
        String title = "Zaproszenia " + UUID.randomUUID();
        List<String> roles = List.of("REGIONAL_COORDINATOR", "COMMITTEE_MEMBER", "EXPERT");
        List<Long> regions = List.of(lubuskie, malopolskie);
        long survey = t.survey(
                title, "PERSON", roles, regions, true, now.minus(1, ChronoUnit.HOURS), now.plus(10, ChronoUnit.DAYS));
        String coordinator = t.person("koordynacja", "ACTIVE", true, "REGIONAL_COORDINATOR", lubuskie);
        String committee = t.person("komitet", "ACTIVE", true, "COMMITTEE_MEMBER", lubuskie);
        String expert = t.person("ekspertyza", "ACTIVE", true, "EXPERT", null);
        String quiet = t.person("cisza", "ACTIVE", false, "EXPERT", null);
        String otherRegion = t.person("podkarpacie", "ACTIVE", true, "REGIONAL_COORDINATOR", podkarpackie);
        String deactivated = t.person("nieaktywna", "DEACTIVATED", true, "EXPERT", null);
        String invited = t.person("zaproszona", "INVITED", true, "EXPERT", null);
        String participant = t.person("uczestnictwo", "ACTIVE", true, "PARTICIPANT", null);
        // A person with a role outside the audience as well as one in it is invited once.
        String twoRoles = t.person("dwie-role", "ACTIVE", true, "PARTICIPANT", null);
        t.grant(t.accountId(twoRoles), "COMMITTEE_MEMBER", malopolskie, null);

        MvcResult sent = send(survey, "wyslij");
        assertThat(sent.getResponse().getStatus()).isEqualTo(302);
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/ankiety/obsluga/" + survey + "/zaproszenia");
        assertThat(sent.getFlashMap().get("notice")).isEqualTo("surveys.invitations.sent.INVITATION");

        // Exactly the audience, by an independent reading of the rule; the quiet one gets no mail.
        Set<String> expected = t.holders(roles, regions).stream()
                .filter(address -> !address.equals(quiet.toLowerCase(Locale.ROOT)))
                .collect(Collectors.toSet());
        assertThat(expected)
                .contains(coordinator, committee, expert, twoRoles, DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .doesNotContain(otherRegion, deactivated, invited, participant, DemoAccounts.COORDINATOR_SLASKIE);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(recipients(title)).containsAll(expected));
        assertThat(recipients(title)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(smtp.count(twoRoles, title)).isEqualTo(1);
        assertThat(queuedFor(quiet)).isZero();

        MimeMessage mail = smtp.awaitMessage(coordinator, title);
        assertThat(mail.getSubject()).isEqualTo("Zaproszenie do ankiety: " + title);
        String html = TestSmtp.part(mail, "text/html");
        String text = TestSmtp.part(mail, "text/plain");
        assertThat(html).contains("https://koordes.example/ankiety/" + survey);
        assertThat(text)
                .contains("Dzień dobry,")
                .contains("Zbieramy potrzeby, żeby zaplanować doradztwo")
                .contains("Odpowiedzi przyjmujemy do " + Formats.dateTime(closes(survey)))
                .contains("Z poważaniem");

        // Everyone in the audience, the quiet one included, has the notice in the application.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(notices(survey, "survey-invitation")).isEqualTo(expected.size() + 1));
        assertThat(jdbc.sql("select recipients from surveys_mailing where survey_id = :s and kind = 'INVITATION'")
                        .param("s", survey)
                        .query(Integer.class)
                        .single())
                .isEqualTo(expected.size() + 1);
        assertThat(audit(survey, "SURVEY_INVITATIONS_SENT"))
                .singleElement()
                .satisfies(after -> assertThat(after).contains("\"recipients\": " + (expected.size() + 1)));

        // A second click the same day sends nothing and says so.
        MvcResult again = send(survey, "wyslij");
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(again.getFlashMap().get("problem")).isEqualTo("surveys.invitations.already.INVITATION");
        assertThat(audit(survey, "SURVEY_INVITATIONS_SENT")).hasSize(1);
        assertThat(mailings(survey)).isEqualTo(1);
        String page = page(survey);
        assertThat(page)
                .contains("Zaproszenia wysłano już dzisiaj")
                .contains("Ankieta jest też otwarta dla każdej osoby z linkiem");
        MvcResult question = mvc().perform(get("/ankiety/obsluga/" + survey + "/zaproszenia/wyslij")
                        .with(user(editor())))
                .andReturn();
        assertThat(question.getResponse().getContentAsString()).contains("Zaproszenia wysłano już dzisiaj");
    }

    @Test
    void theReminderSkipsThoseWhoAnsweredAndEveryoneOfAnInstitutionThatAnswered() throws Exception {
        InvitationsTesting t = testing();
        long lubuskie = t.region("lubuskie");
        long opolskie = t.region("opolskie");
        String title = "Przypomnienie instytucji " + UUID.randomUUID();
        long survey = t.survey(
                title,
                "INSTITUTION",
                List.of("REGIONAL_COORDINATOR", "CENTRAL_INSTITUTION", "EXPERT"),
                List.of(),
                false,
                now.minus(5, ChronoUnit.DAYS),
                now.plus(3, ChronoUnit.DAYS));
        String lubuskieFirst = t.person("lubuskie-1", "ACTIVE", true, "REGIONAL_COORDINATOR", lubuskie);
        String lubuskieSecond = t.person("lubuskie-2", "ACTIVE", true, "REGIONAL_COORDINATOR", lubuskie);
        String opolskieCoordinator = t.person("opolskie", "ACTIVE", true, "REGIONAL_COORDINATOR", opolskie);
        String expert = t.person("ekspert-bez-instytucji", "ACTIVE", true, "EXPERT", null);
        t.institutionAnswer(survey, t.centre(lubuskie), lubuskie, "SUBMITTED");
        t.institutionAnswer(survey, t.centre(opolskie), opolskie, "DRAFT");
        t.institutionAnswer(survey, t.institution("MRPiPS"), null, "SUBMITTED");

        assertThat(send(survey, "przypomnij").getResponse().getStatus()).isEqualTo(302);

        MimeMessage toOpolskie = smtp.awaitMessage(opolskieCoordinator, title);
        String text = TestSmtp.part(toOpolskie, "text/plain");
        assertThat(text)
                .contains("Twoja instytucja jeszcze nie odpowiedziała")
                .contains("Odpowiedź Twojej instytucji jest zapisana jako wersja robocza")
                .containsPattern("Został(y|o)? \\d+ (dzień|dni)");
        MimeMessage toFunds = smtp.awaitMessage(DemoAccounts.CENTRAL_INSTITUTION_OTHER, title);
        assertThat(TestSmtp.part(toFunds, "text/plain"))
                .contains("Twoja instytucja jeszcze nie odpowiedziała")
                .doesNotContain("wersja robocza");
        smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, title);
        Set<String> reached = recipients(title);
        assertThat(reached)
                .doesNotContain(lubuskieFirst, lubuskieSecond, DemoAccounts.CENTRAL_INSTITUTION)
                // Answering per institution, a person without one is not in the audience.
                .doesNotContain(expert);
        String page = page(survey);
        assertThat(page).contains("Instytucje z odpowiedzią").contains("lubuskie");

        String personTitle = "Przypomnienie osób " + UUID.randomUUID();
        long personal = t.survey(
                personTitle,
                "PERSON",
                List.of("EXPERT"),
                List.of(),
                false,
                now.minus(5, ChronoUnit.DAYS),
                now.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS));
        String answered = t.person("odpowiedz", "ACTIVE", true, "EXPERT", null);
        String anonymous = t.person("anonimowo", "ACTIVE", true, "EXPERT", null);
        String drafting = t.person("szkic", "ACTIVE", true, "EXPERT", null);
        String waiting = t.person("czeka", "ACTIVE", true, "EXPERT", null);
        t.personAnswer(personal, answered, "SUBMITTED");
        t.anonymousAnswer(personal, anonymous);
        t.personAnswer(personal, drafting, "DRAFT");

        assertThat(send(personal, "przypomnij").getResponse().getStatus()).isEqualTo(302);
        assertThat(TestSmtp.part(smtp.awaitMessage(drafting, personTitle), "text/plain"))
                .contains("Twoja odpowiedź jest zapisana jako wersja robocza")
                .contains("nie mamy jeszcze Twojej odpowiedzi");
        assertThat(TestSmtp.part(smtp.awaitMessage(waiting, personTitle), "text/plain"))
                .doesNotContain("wersja robocza");
        smtp.awaitMessage(DemoAccounts.EXPERT, personTitle);
        assertThat(recipients(personTitle)).doesNotContain(answered, anonymous);
        assertThat(jdbc.sql("select recipients from surveys_mailing where survey_id = :s and kind = 'REMINDER'")
                        .param("s", personal)
                        .query(Integer.class)
                        .single())
                .isEqualTo(t.holders(List.of("EXPERT"), List.of()).size() - 2);
    }

    @Test
    void aSurveyThatIsNotOpenIsRefusedAndSendsNothing() throws Exception {
        InvitationsTesting t = testing();
        String title = "Zamknięta " + UUID.randomUUID();
        long closed = t.survey(
                title,
                "PERSON",
                List.of("EXPERT"),
                List.of(),
                false,
                now.minus(20, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS));
        MvcResult refused = send(closed, "wyslij");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentAsString())
                .contains("można wysyłać tylko wtedy, gdy ankieta jest otwarta");
        MvcResult question = mvc().perform(get("/ankiety/obsluga/" + closed + "/zaproszenia/przypomnij")
                        .with(user(editor())))
                .andReturn();
        assertThat(question.getResponse().getStatus()).isEqualTo(409);
        assertThat(mailings(closed)).isZero();
        // Without the question's answer nothing is sent: the POST leads to the question.
        long open = t.survey(
                "Otwarta " + UUID.randomUUID(),
                "PERSON",
                List.of("EXPERT"),
                List.of(),
                false,
                now.minus(1, ChronoUnit.DAYS),
                now.plus(9, ChronoUnit.DAYS));
        MvcResult unconfirmed = mvc().perform(post("/ankiety/obsluga/" + open + "/zaproszenia/wyslij")
                        .with(user(editor()))
                        .with(csrf()))
                .andReturn();
        assertThat(unconfirmed.getResponse().getRedirectedUrl())
                .isEqualTo("/ankiety/obsluga/" + open + "/zaproszenia/wyslij");
        assertThat(mailings(open)).isZero();
        // Nobody but the operator; an unknown survey is not found.
        UserDetails coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        assertThat(mvc().perform(post("/ankiety/obsluga/" + open + "/zaproszenia/wyslij")
                                .param("potwierdzenie", "tak")
                                .with(user(coordinator))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc().perform(get("/ankiety/obsluga/999999999/zaproszenia").with(user(editor())))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mailings(open)).isZero();
    }

    @Test
    void hostileTitlesComeBackEscapedInTheMailAndOnThePage() throws Exception {
        InvitationsTesting t = testing();
        String hostile = "<script>alert('x')</script> & \"cudzysłów\" ${7*7} " + UUID.randomUUID();
        long survey = t.survey(
                hostile,
                "PERSON",
                List.of("EXPERT"),
                List.of(),
                false,
                now.minus(1, ChronoUnit.HOURS),
                now.plus(4, ChronoUnit.DAYS));
        jdbc.sql("update surveys_survey set description = :d where id = :id")
                .param("d", "<img src=x onerror=alert(1)> opis")
                .param("id", survey)
                .update();
        assertThat(send(survey, "wyslij").getResponse().getStatus()).isEqualTo(302);
        MimeMessage mail = smtp.awaitMessage(DemoAccounts.EXPERT, hostile);
        String html = TestSmtp.part(mail, "text/html");
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt; opis");
        assertThat(TestSmtp.part(mail, "text/plain")).contains(hostile);
        assertThat(page(survey)).doesNotContain("<script>alert").contains("&lt;script&gt;alert");

        // Every string of the list as a title and a description renders both mails escaped.
        int checked = 0;
        for (String naughty : NaughtyStrings.corpus()) {
            String title = TextInput.normalise(naughty);
            if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > 300) {
                continue;
            }
            for (MailKind kind : List.of(MailKind.SURVEY_INVITATION, MailKind.SURVEY_REMINDER)) {
                MailRequested rendered =
                        mailer.render("osoba@test.koordes.example", Locale.of("pl"), kind.template(), model(title));
                if (title.contains("<")) {
                    assertThat(rendered.htmlBody()).as(title).doesNotContain(title);
                }
                // A subject is one line whatever the title holds: no header can be smuggled in.
                assertThat(rendered.subject()).as(title).doesNotContain("\n", "\r");
                if (!title.contains("\n")) {
                    assertThat(rendered.subject()).as(title).contains(title.strip());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(NaughtyStrings.corpus().isEmpty() ? -1 : 100);
    }

    private static Map<String, Object> model(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("invitationsTitle", title);
        model.put("invitationsPurpose", title);
        model.put("invitationsCloses", "31.08.2027 14:30");
        model.put("invitationsDaysLeft", 3L);
        model.put("invitationsInstitution", true);
        model.put("invitationsDraft", true);
        model.put("path", "/ankiety/1");
        return model;
    }

    private MvcResult send(long survey, String action) throws Exception {
        return mvc().perform(post("/ankiety/obsluga/" + survey + "/zaproszenia/" + action)
                        .param("potwierdzenie", "tak")
                        .with(user(editor()))
                        .with(csrf()))
                .andReturn();
    }

    private String page(long survey) throws Exception {
        MvcResult result = mvc().perform(
                        get("/ankiety/obsluga/" + survey + "/zaproszenia").with(user(editor())))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private UserDetails editor() {
        return users.loadUserByUsername(DemoAccounts.EDITOR);
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private Instant closes(long survey) {
        return jdbc.sql("select closes_at from surveys_survey where id = :id")
                .param("id", survey)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    private long mailings(long survey) {
        return jdbc.sql("select count(*) from surveys_mailing where survey_id = :s")
                .param("s", survey)
                .query(Long.class)
                .single();
    }

    private long notices(long survey, String kind) {
        return jdbc.sql("select count(*) from notifications_notice where link = :link and kind = :kind")
                .param("link", "/ankiety/" + survey)
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    private List<String> audit(long survey, String action) {
        return jdbc.sql("select cast(after_value as text) from audit_entry where action = :a and target_id = :id")
                .param("a", action)
                .param("id", String.valueOf(survey))
                .query(String.class)
                .list();
    }

    private long queuedFor(String address) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :to")
                .param("to", "%" + address + "%")
                .query(Long.class)
                .single();
    }

    private static Set<String> recipients(String subjectPart) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> TestSmtp.subject(m).contains(subjectPart))
                .flatMap(m -> TestSmtp.recipients(m).stream())
                .map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
