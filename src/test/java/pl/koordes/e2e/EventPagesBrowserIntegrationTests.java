package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.support.IntegrationTest;

/**
 * Every events page in a real browser with axe-core (WCAG 2.1 A/AA, no violation): the public lists,
 * calendar and event pages, the visitor's form (empty, refused and sent), the confirmation and
 * cancellation pages, and the organisers' pages. A script typed as a registrant's name runs nowhere.
 */
@IntegrationTest
class EventPagesBrowserIntegrationTests {

    private static final String PASSWORD = "Demo: koordes łąka 2026";
    private static final String SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)>";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRegistrations registrations;

    @TestFactory
    Stream<DynamicTest> everyPublicEventsPageIsAccessible() {
        long nearlyFull = event("Spotkanie sieci OWES Małopolski%");
        long hybrid = event("Śląskie forum%");
        long past = event("Wizyta studyjna%");
        List<String[]> pages = List.of(
                new String[] {"events-list", "/wydarzenia"},
                new String[] {"events-list-en", "/wydarzenia?lang=en"},
                new String[] {
                    "events-list-filtered", "/wydarzenia?typ=MEETING&poziom=REGIONAL&region=malopolskie&forma=IN_PERSON"
                },
                new String[] {"events-past", "/wydarzenia/archiwum"},
                new String[] {"events-calendar", "/wydarzenia/kalendarz"},
                new String[] {"event-nearly-full", "/wydarzenia/" + nearlyFull},
                new String[] {"event-hybrid-en", "/wydarzenia/" + hybrid + "?lang=en"},
                new String[] {"event-past", "/wydarzenia/" + past},
                new String[] {"event-register", "/wydarzenia/" + hybrid + "/zapis"},
                new String[] {"event-register-sent", "/wydarzenia/" + hybrid + "/zapis/wyslano"},
                new String[] {"event-confirm-invalid", "/wydarzenia/zapis/potwierdz?token=nieznany"},
                new String[] {"event-cancel-invalid", "/wydarzenia/rezygnacja?token=nieznany"});
        return pages.stream()
                .map(page -> dynamicTest(page[0], () -> {
                    browser.forgetCookies();
                    browser.open(url(page[1]));
                    assertThat(browser.status()).as(page[1]).isIn(200L, 410L);
                    browser.checkAccessible(page[0]);
                }));
    }

    @Test
    void aVisitorRegistersWithAScriptAsTheirNameAndItRunsNowhere() {
        long event = event("Konferencja makroregionu%");
        browser.forgetCookies();
        browser.open(url("/wydarzenia/" + event + "/zapis"));
        browser.driver()
                .findElement(By.cssSelector("form[action$='/zapis'] button[type=submit]"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                // Each error names its field.
                .contains("Imię i nazwisko: to pole jest wymagane.")
                .contains("Adres e-mail: podaj poprawny adres e-mail");
        browser.checkAccessible("event-register-refused");

        browser.driver().findElement(By.id("fullName")).sendKeys(SCRIPT);
        browser.driver().findElement(By.id("email")).sendKeys("skrypt.przegladarka@test.koordes.example");
        browser.driver().findElement(By.id("institution")).sendKeys(SCRIPT);
        browser.driver()
                .findElement(By.cssSelector("#regionId option[value='" + region("malopolskie") + "']"))
                .click();
        browser.driver().findElement(By.id("accessibilityNeeds")).sendKeys(SCRIPT);
        browser.driver().findElement(By.id("privacyAccepted")).click();
        browser.driver()
                .findElement(By.cssSelector("form[action$='/zapis'] button[type=submit]"))
                .click();
        browser.waiting().until(ExpectedConditions.urlContains("/zapis/wyslano"));
        assertNoAlert();

        String token = mailedToken("skrypt.przegladarka@test.koordes.example", "/wydarzenia/zapis/potwierdz?token=");
        browser.open(url("/wydarzenia/zapis/potwierdz?token=" + token));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Potwierdzenie zgłoszenia");
        browser.checkAccessible("event-confirm");
        browser.driver()
                .findElement(By.cssSelector("form[action='/wydarzenia/zapis/potwierdz'] button"))
                .click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Zgłoszenie potwierdzone"));
        browser.checkAccessible("event-confirmed");

        String cancel = mailedToken("skrypt.przegladarka@test.koordes.example", "/wydarzenia/rezygnacja?token=");
        browser.open(url("/wydarzenia/rezygnacja?token=" + cancel));
        browser.checkAccessible("event-cancel");
        browser.driver()
                .findElement(By.cssSelector("form[action='/wydarzenia/rezygnacja'] button"))
                .click();
        browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Rezygnacja przyjęta"));
        browser.checkAccessible("event-cancelled");
    }

    @TestFactory
    Stream<DynamicTest> theOrganisersPagesAreAccessibleAndShowRegistrantsInert() {
        long event = event("Spotkanie sieci OWES Małopolski%");
        long draft = event("Szkic: warsztat%");
        registrations.register(
                event,
                new RegistrationForm(
                        SCRIPT,
                        "skrypt.lista@test.koordes.example",
                        SCRIPT,
                        InstitutionKind.OWES,
                        region("malopolskie"),
                        SCRIPT,
                        SCRIPT,
                        SCRIPT,
                        SeatMode.ON_SITE,
                        true,
                        false),
                null,
                Locale.forLanguageTag("pl"));
        // Two files whose titles are scripts, one public and one for participants: shown inert on both pages.
        for (boolean participantsOnly : new boolean[] {false, true}) {
            jdbc.sql("""
                            with s as (insert into stored_file (file_name, content_type, size_bytes)
                                values ('skrypt.txt', 'text/plain', 5) returning id),
                            c as (insert into stored_file_chunk (file_id, seq, data)
                                select id, 0, convert_to('tekst', 'UTF8') from s)
                            insert into event_file (event_id, title, file_name, content_type, size_bytes, participants_only,
                                stored_file_id)
                            select :e, :t, 'skrypt.txt', 'text/plain', 5, :p, id from s
                            """)
                    .param("e", event)
                    .param("t", SCRIPT)
                    .param("p", participantsOnly)
                    .update();
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("sign in as the editor", () -> {
            browser.forgetCookies();
            browser.open(url("/logowanie"));
            browser.driver().findElement(By.id("email")).sendKeys("redaktor@demo.koordes.example");
            browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
            browser.driver()
                    .findElement(By.cssSelector("form[action='/logowanie'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
        }));
        for (String[] page : List.of(
                new String[] {"organiser-events", "/organizacja/wydarzenia"},
                new String[] {"organiser-new", "/organizacja/wydarzenia/nowe"},
                new String[] {"organiser-edit", "/organizacja/wydarzenia/" + draft},
                new String[] {"organiser-participants", "/organizacja/wydarzenia/" + event + "/uczestnicy"},
                new String[] {"organiser-files", "/organizacja/wydarzenia/" + event + "/materialy"},
                new String[] {"event-signed-in", "/wydarzenia/" + event},
                new String[] {"event-register-signed-in", "/wydarzenia/" + event + "/zapis"})) {
            tests.add(dynamicTest(page[0], () -> {
                browser.open(url(page[1]));
                assertThat(browser.status()).as(page[1]).isEqualTo(200L);
                assertNoAlert();
                browser.checkAccessible(page[0]);
            }));
        }
        for (String[] page : List.of(
                new String[] {"organiser-new-375", "/organizacja/wydarzenia/nowe"},
                new String[] {"organiser-files-375", "/organizacja/wydarzenia/" + event + "/materialy"},
                new String[] {"organiser-participants-375", "/organizacja/wydarzenia/" + event + "/uczestnicy"})) {
            tests.add(dynamicTest(page[0], () -> {
                browser.emulateViewportWidth(375);
                try {
                    browser.open(url(page[1]));
                    assertThat(browser.status()).as(page[1]).isEqualTo(200L);
                    browser.checkAccessible(page[0]);
                } finally {
                    browser.resetViewport();
                }
            }));
        }
        tests.add(dynamicTest("organiser-new-refused", () -> {
            browser.open(url("/organizacja/wydarzenia/nowe"));
            browser.driver()
                    .findElement(By.cssSelector("form[action='/organizacja/wydarzenia/nowe'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            browser.checkAccessible("organiser-new-refused");
        }));
        tests.add(dynamicTest("organiser-files-refused-then-uploaded", () -> {
            browser.open(url("/organizacja/wydarzenia/" + event + "/materialy"));
            browser.driver().findElement(By.id("title")).sendKeys("Program <b>spotkania</b>");
            browser.driver()
                    .findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver().findElement(By.id("title")).getAttribute("value"))
                    .isEqualTo("Program <b>spotkania</b>");
            browser.checkAccessible("organiser-files-refused");
            Path pdf = Files.createTempFile("program-", ".pdf");
            Files.writeString(pdf, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(pdf.toAbsolutePath().toString());
            browser.driver()
                    .findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
            assertThat(browser.driver().getPageSource())
                    .contains(pdf.getFileName().toString());
            assertNoAlert();
            browser.checkAccessible("organiser-files-uploaded");
            Files.delete(pdf);
        }));
        return tests.stream();
    }

    private long event(String titleLike) {
        return jdbc.sql("select min(id) from event where title like :t")
                .param("t", titleLike)
                .query(Long.class)
                .single();
    }

    private long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    private String mailedToken(String to, String path) {
        Pattern link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{43})");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (String body : jdbc.sql(
                                            "select text_body from notifications_dev_mailbox where recipient = :to")
                                    .param("to", to)
                                    .query(String.class)
                                    .list()) {
                                Matcher matcher = link.matcher(body);
                                if (matcher.find()) {
                                    return matcher.group(1);
                                }
                            }
                            return null;
                        },
                        token -> token != null);
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.js()
                        .executeScript("return [...document.scripts].some(s => s.textContent.includes('alert('))"
                                + " || [...document.images].some(i => i.getAttribute('src') === 'x')"))
                .isEqualTo(false);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
