package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The pages that ask before a destructive action, one of each kind (they share {@code shared/confirm.jte}):
 * accessible at 1280 and at 375 pixels, and working with JavaScript turned off, from the link that leads
 * to the question to the button that acts.
 */
@IntegrationTest
class ConfirmationPagesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @RegisterExtension
    static final Browser noScripts = Browser.withoutJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRegistrations registrations;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @TestFactory
    Stream<DynamicTest> everyKindOfQuestionIsAccessibleWideAndNarrow() {
        long event = publishedEvent();
        long registration = register(event, 0);
        long file = storedFile(event);
        long article = single("select id from article where slug = 'ekonomia-spoleczna-w-regionach'");
        long quote = single("select min(id) from motto_quote");
        long partner = single("select min(id) from partner");
        long phrase = single("insert into comments_banned_phrase (phrase, added_at, added_by)"
                + " values ('fraza do pytania " + run + "', now(), 'test') returning id");
        long participant = single("select id from account where email = '" + DemoAccounts.PARTICIPANT + "'");
        String events = "/organizacja/wydarzenia/" + event;

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("sign in as the editor", () -> {
            browser.forgetCookies();
            browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        }));
        addPages(
                tests,
                List.of(
                        new String[] {"confirm-event-cancel", events + "/status?status=CANCELLED"},
                        new String[] {"confirm-event-draft-refused", events + "/status?status=DRAFT"},
                        new String[] {"confirm-participant-remove", events + "/uczestnicy/" + registration + "/usun"},
                        new String[] {"confirm-file-delete", events + "/materialy/" + file + "/usun"},
                        new String[] {"confirm-article-delete", "/redakcja/artykuly/" + article + "/usun"},
                        new String[] {
                            "confirm-revision-restore", "/redakcja/artykuly/" + article + "/historia/1/przywroc"
                        },
                        new String[] {"confirm-quote-delete", "/redakcja/motta/" + quote + "/usun"},
                        new String[] {"confirm-partner-delete", "/redakcja/partnerzy/" + partner + "/usun"},
                        new String[] {"confirm-phrase-remove", "/redakcja/komentarze/zakazane-frazy/" + phrase + "/usun"
                        },
                        new String[] {"confirm-account-delete", "/konto/usun"}));
        tests.add(dynamicTest("sign in as the administrator", () -> {
            // Each code works once; another test may just have used this step's code.
            jdbc.sql("update account set totp_last_step = null where email = :email")
                    .param("email", DemoAccounts.ADMINISTRATOR)
                    .update();
            browser.forgetCookies();
            browser.signIn(url("/logowanie"), DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD);
            browser.driver().findElement(By.id("code")).sendKeys(currentCode());
            browser.driver()
                    .findElement(By.cssSelector("form button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
        }));
        addPages(
                tests,
                List.of(
                        new String[] {
                            "confirm-role-revoke", "/admin/osoby/" + participant + "/role/odbierz?role=PARTICIPANT"
                        },
                        new String[] {"confirm-deactivate", "/admin/osoby/" + participant + "/dezaktywuj"}));
        return tests.stream();
    }

    @Test
    void withoutJavaScriptAnOrganiserRemovesAParticipantAndCancelsTheEventThroughTheQuestions() {
        long event = publishedEvent();
        long registration = register(event, 1);
        register(event, 2);
        String events = "/organizacja/wydarzenia/" + event;
        noScripts.forgetCookies();
        noScripts.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);

        noScripts.open(url(events + "/uczestnicy"));
        noScripts
                .driver()
                .findElement(By.cssSelector("a[href='" + events + "/uczestnicy/" + registration + "/usun']"))
                .click();
        noScripts.waiting().until(ExpectedConditions.urlToBe(url(events + "/uczestnicy/" + registration + "/usun")));
        assertThat(noScripts.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Usunąć zgłoszenie?");
        assertThat(statusOfRegistration(registration)).isEqualTo("CONFIRMED");
        noScripts.driver().findElement(By.cssSelector("form button.danger")).click();
        noScripts.waiting().until(ExpectedConditions.urlToBe(url(events + "/uczestnicy")));
        assertThat(statusOfRegistration(registration)).isEqualTo("CANCELLED");

        noScripts.open(url(events));
        noScripts
                .driver()
                .findElement(By.cssSelector("a[href='" + events + "/status?status=CANCELLED']"))
                .click();
        assertThat(noScripts
                        .driver()
                        .findElement(By.cssSelector(".confirm-destructive"))
                        .getText())
                .contains("1 zapisana osoba dostanie wiadomość o odwołaniu.");
        // "Anuluj" leads back and changes nothing.
        noScripts.driver().findElement(By.cssSelector("a.button.secondary")).click();
        noScripts.waiting().until(ExpectedConditions.urlToBe(url(events)));
        assertThat(statusOfEvent(event)).isEqualTo("PUBLISHED");

        noScripts.open(url(events + "/status?status=CANCELLED"));
        noScripts.driver().findElement(By.cssSelector("form button.danger")).click();
        noScripts.waiting().until(ExpectedConditions.urlToBe(url(events)));
        assertThat(statusOfEvent(event)).isEqualTo("CANCELLED");
    }

    private void addPages(List<DynamicTest> tests, List<String[]> pages) {
        for (String[] page : pages) {
            tests.add(dynamicTest(page[0], () -> {
                browser.open(url(page[1]));
                assertThat(browser.status()).as(page[1]).isEqualTo(200L);
                assertThat(browser.driver().findElements(By.cssSelector("main h1")))
                        .hasSize(1);
                browser.checkAccessible(page[0]);
                browser.emulateViewportWidth(375);
                try {
                    browser.open(url(page[1]));
                    browser.checkAccessible(page[0] + "-375");
                    assertThat(
                                    browser.js()
                                            .executeScript(
                                                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                            .as("no sideways scrolling at 375 px on %s", page[1])
                            .isEqualTo(true);
                } finally {
                    browser.resetViewport();
                }
            }));
        }
    }

    /** A published national event a week ahead, with seats for everyone registered here. */
    private long publishedEvent() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        values ('MEETING', 'NATIONAL', 'IN_PERSON', :title, 'Sala 2', :starts, :ends, 10, 'PUBLISHED')
                        returning id
                        """)
                .param("title", "Spotkanie do odwołania " + run)
                .param("starts", Timestamp.from(start))
                .param("ends", Timestamp.from(start.plus(3, ChronoUnit.HOURS)))
                .query(Long.class)
                .single();
        jdbc.sql("insert into event_region (event_id, region_id) select :id, id from region")
                .param("id", id)
                .update();
        return id;
    }

    private long register(long event, int n) {
        CurrentUser person = new CurrentUser(
                3_000_000 + n,
                "potwierdzenie" + n + "." + run + "@test.koordes.example",
                "Osoba " + n,
                List.of(new RoleAssignment(Role.PARTICIPANT, null)),
                "pl");
        return registrations
                .register(event, RegistrationForm.oneStep(), person, Locale.forLanguageTag("pl"))
                .id();
    }

    private long storedFile(long event) {
        return jdbc.sql("""
                        with s as (insert into stored_file (file_name, content_type, size_bytes)
                            values ('program.txt', 'text/plain', 5) returning id),
                        c as (insert into stored_file_chunk (file_id, seq, data) select id, 0, convert_to('tekst', 'UTF8') from s),
                        f as (insert into event_file (event_id, title, file_name, content_type, size_bytes, participants_only,
                            stored_file_id)
                            select :e, 'Program spotkania', 'program.txt', 'text/plain', 5, false, id from s returning id)
                        select id from f
                        """).param("e", event).query(Long.class).single();
    }

    private long single(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String statusOfRegistration(long id) {
        return jdbc.sql("select status from event_registration where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String statusOfEvent(long id) {
        return jdbc.sql("select status from event where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static String currentCode() throws Exception {
        return new DefaultCodeGenerator().generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
