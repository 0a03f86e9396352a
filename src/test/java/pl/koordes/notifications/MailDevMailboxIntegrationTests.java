package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.notifications.internal.DevMailbox;
import pl.koordes.notifications.internal.MailCheck;
import pl.koordes.notifications.internal.MailboxMessage;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.support.IntegrationTest;

/**
 * Without an SMTP server (the default start and the test profile) mail lands in the development
 * mailbox, and the mailbox pages show it in both languages with everything escaped.
 */
@IntegrationTest
class MailDevMailboxIntegrationTests {

    @LocalServerPort
    int port;

    private static final String HOSTILE = "<script>alert(1)</script>";

    @Autowired
    WebApplicationContext context;

    @Autowired
    MailCheck mailCheck;

    @Autowired
    DevMailbox mailbox;

    @Autowired
    UserDetailsService users;

    MockMvc mvc;
    /** The demo administrator as signing in leaves them: the controller checks NotificationPermissions on that person. */
    UserDetails administrator;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        administrator = users.loadUserByUsername("administrator@demo.koordes.example");
    }

    @Test
    void aRequestedMessageAppearsInTheMailboxEscaped() throws Exception {
        MailRequested requested = mailCheck.send("zofia.lis@example.org", Language.PL.locale(), HOSTILE + " ZAŻÓŁĆ");
        MailboxMessage stored = awaitStored(requested.id());
        assertThat(stored.subject()).isEqualTo("Wiadomość próbna: " + HOSTILE + " ZAŻÓŁĆ");
        assertThat(stored.textBody()).contains(HOSTILE).contains("Otwórz KoordES (http://localhost:" + port + ")");
        assertThat(stored.htmlBody()).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(stored.sender()).isEqualTo("KoordES <no-reply@koordes.example>");

        String list = page(get("/admin/poczta"));
        assertThat(list)
                .contains("<h1>Skrzynka deweloperska</h1>")
                .contains("href=\"/admin/poczta/" + requested.id() + "\"")
                .contains("zofia.lis@example.org")
                .contains("Wiadomość próbna: &lt;script&gt;alert(1)&lt;/script&gt; ZAŻÓŁĆ")
                .doesNotContain(HOSTILE);

        String detail = page(get("/admin/poczta/" + requested.id()));
        assertThat(detail)
                .contains("<h1>Wiadomość próbna: &lt;script&gt;alert(1)&lt;/script&gt; ZAŻÓŁĆ</h1>")
                .contains("Wersja tekstowa")
                .contains("Wersja HTML")
                .contains("<iframe class=\"mail-preview\" sandbox=\"\" srcdoc=\"")
                // The preview is not empty: the message's HTML is in the frame (escaped once for the attribute).
                .containsPattern("srcdoc=\"&lt;[^\"]*Wiadomość próbna")
                // The HTML part is escaped once more inside srcdoc, and its own escaping stays intact.
                .contains("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;")
                .doesNotContain(HOSTILE)
                .doesNotContain("<script");
    }

    @Test
    void theMailboxPagesAreInEnglishToo() throws Exception {
        MailRequested requested = mailCheck.send("john.smith@example.org", Language.EN.locale(), "English");
        awaitStored(requested.id());
        assertThat(page(get("/admin/poczta").param("lang", "en")))
                .contains("<h1>Development mailbox</h1>")
                .contains("Test message: English");
        assertThat(page(get("/admin/poczta/" + requested.id()).param("lang", "en")))
                .contains("Plain-text version")
                .contains("HTML version")
                .contains("Open KoordES (http://localhost:" + port + ")");
    }

    @Test
    void theMailboxNamesTheAttachments() throws Exception {
        MailRequested plain = mailCheck.send("z.plikiem@example.org", Language.PL.locale(), "z plikiem");
        awaitStored(plain.id());
        assertThat(page(get("/admin/poczta/" + plain.id()))).doesNotContain("Załączniki");
        MailRequested withFiles = new MailRequested(
                UUID.randomUUID(),
                plain.to(),
                null,
                plain.subject(),
                plain.textBody(),
                plain.htmlBody(),
                plain.kind(),
                plain.requestedAt(),
                List.of(
                        new MailAttachment("wydarzenie.ics", "text/calendar", "BEGIN:VCALENDAR".getBytes()),
                        new MailAttachment("<i>notatka.txt", "text/plain", new byte[] {1})));
        mailbox.deliver(withFiles);
        assertThat(mailbox.find(withFiles.id()).orElseThrow().attachments())
                .containsExactly("wydarzenie.ics", "<i>notatka.txt");
        assertThat(page(get("/admin/poczta/" + withFiles.id())))
                .contains("Załączniki")
                .contains("<li>wydarzenie.ics</li>")
                .contains("&lt;i&gt;notatka.txt")
                .doesNotContain("<i>notatka");
    }

    @Test
    void aMessageDeliveredTwiceIsKeptOnce() {
        MailRequested requested = mailCheck.send("dwa.razy@example.org", Language.PL.locale(), "dwa razy");
        awaitStored(requested.id());
        mailbox.deliver(requested);
        assertThat(countOf("dwa.razy@example.org")).isEqualTo(1);
    }

    @Test
    void unknownMessagesAreNotFoundAndMalformedAddressesAreBadRequests() throws Exception {
        assertThat(response(get("/admin/poczta/" + UUID.randomUUID())).getStatus())
                .isEqualTo(404);
        assertThat(response(get("/admin/poczta/nie-ma-takiej")).getStatus()).isEqualTo(400);
        assertThat(response(get("/admin/poczta").param("strona", "9999")).getStatus())
                .isEqualTo(200);
        assertThat(response(get("/admin/poczta").param("strona", "abc")).getStatus())
                .isEqualTo(400);
    }

    private long countOf(String recipient) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from notifications_dev_mailbox where recipient = :r")
                .param("r", recipient)
                .query(Long.class)
                .single();
    }

    private MailboxMessage awaitStored(UUID id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.find(id), Optional::isPresent)
                .get();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = response(request);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(administrator))).andReturn().getResponse();
    }
}
