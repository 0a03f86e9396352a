package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import pl.koordes.accounts.internal.AccountTokens;
import pl.koordes.notifications.internal.DevMailbox;
import pl.koordes.notifications.internal.MailCheck;
import pl.koordes.shared.i18n.Language;
import pl.koordes.support.IntegrationTest;

/**
 * The account pages — signing in, the second factor, password reset, invitations, the profile —
 * and every administration page, used in a real browser the way people use them, each checked
 * with axe-core (WCAG 2.1 A/AA) and kept as a screenshot.
 */
@IntegrationTest
class AccountPagesBrowserIntegrationTests {

    private static final String PASSWORD = "Demo: koordes łąka 2026";
    private static final String TOTP_SECRET = "KOORDESDEMOKOORDESDEMOKOORDESDEM";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    AccountTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Autowired
    MailCheck mailCheck;

    @Autowired
    DevMailbox mailbox;

    @TestFactory
    Stream<DynamicTest> pagesForVisitorsAreAccessible() {
        long invited = jdbc.sql("""
                insert into account (email, display_name, status, language) values ('zaproszona@przyklad.example', 'Zofia Zaproszona', 'INVITED', 'pl') returning id
                """).query(Long.class).single();
        String token = tokens.issue(invited, AccountTokens.Purpose.INVITATION, Duration.ofDays(1));
        String verification = tokens.issue(invited, AccountTokens.Purpose.EMAIL_VERIFICATION, Duration.ofDays(1));
        return Stream.of(
                        new String[] {"registration-confirm", "/rejestracja/potwierdz?token=" + verification, "200"},
                        new String[] {"sign-in", "/logowanie", "200"},
                        new String[] {"sign-in-failed", "/logowanie?blad", "200"},
                        new String[] {"sign-in-locked", "/logowanie?zablokowane", "200"},
                        new String[] {"reset-request", "/haslo/przypomnij", "200"},
                        new String[] {"reset-sent", "/haslo/przypomnij?wyslano", "200"},
                        new String[] {"reset-link-invalid", "/haslo/nowe?token=nieprawidlowy", "410"},
                        new String[] {"invitation", "/zaproszenie?token=" + token, "200"},
                        new String[] {"privacy", "/prywatnosc", "200"},
                        new String[] {"registration", "/rejestracja", "200"},
                        new String[] {"registration-sent", "/rejestracja?wyslano", "200"},
                        new String[] {"privacy-en", "/prywatnosc?lang=en", "200"},
                        new String[] {"visitor-data", "/moje-dane", "200"},
                        new String[] {"visitor-data-sent", "/moje-dane?wyslano", "200"},
                        new String[] {"address-link-invalid", "/adres/potwierdz?token=nieaktualny", "410"})
                .map(p -> dynamicTest(p[0], () -> {
                    browser.forgetCookies();
                    browser.open(url(p[1]));
                    assertThat(browser.status()).isEqualTo(Long.parseLong(p[2]));
                    check(p[0]);
                }));
    }

    @Test
    void aWeakPasswordOnTheInvitationPageIsExplainedInPolishAndTheFormStaysAccessible() {
        long invited = jdbc.sql("""
                insert into account (email, display_name, status, language) values ('slabe.haslo@przyklad.example', 'Sławomir Słaby', 'INVITED', 'pl') returning id
                """).query(Long.class).single();
        String token = tokens.issue(invited, AccountTokens.Purpose.INVITATION, Duration.ofDays(1));
        browser.forgetCookies();
        browser.open(url("/zaproszenie?token=" + token));
        browser.driver().findElement(By.id("password")).sendKeys("polska123456");
        browser.driver().findElement(By.id("passwordRepeated")).sendKeys("polska123456");
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        String summary =
                browser.driver().findElement(By.cssSelector(".error-summary")).getText();
        assertThat(summary).contains("Hasło: to hasło jest zbyt łatwe do odgadnięcia.");
        check("invitation-weak-password");
    }

    @Test
    void aParticipantSignsInUsesTheProfileAndSignsOut() {
        browser.forgetCookies();
        signIn("uczestnik@demo.koordes.example");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/konto");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Moje konto");
        check("profile");

        browser.driver().findElement(By.id("currentPassword")).sendKeys("to nie jest moje hasło");
        browser.driver().findElement(By.id("newPassword")).sendKeys("zupełnie nowe hasło do konta");
        browser.driver().findElement(By.id("passwordRepeated")).sendKeys("zupełnie nowe hasło do konta");
        browser.driver()
                .findElement(By.cssSelector("form[action='/konto/haslo'] button"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("Obecne hasło jest nieprawidłowe.");
        check("profile-error");

        browser.driver()
                .findElement(By.cssSelector("form[action='/wyloguj'] button"))
                .click();
        // The click only starts the navigation: wait for the signed-out home page before going on.
        browser.waiting().until(ExpectedConditions.urlContains("wylogowano"));
        browser.open(url("/konto"));
        assertThat(browser.driver().getCurrentUrl()).contains("/logowanie");
    }

    @TestFactory
    Stream<DynamicTest> anAdministratorSignsInWithASecondFactorAndEveryAdministrationPageIsAccessible() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("sign in with code", () -> {
            // Each code works once; other tests may have just used this step's code for the same person.
            jdbc.sql("update account set totp_last_step = null where email = 'administrator@demo.koordes.example'")
                    .update();
            browser.forgetCookies();
            signIn("administrator@demo.koordes.example");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/logowanie/kod");
            check("second-factor");
            browser.driver().findElement(By.id("code")).sendKeys(currentCode());
            browser.driver()
                    .findElement(By.cssSelector("form button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
        }));
        List<String> pages = new ArrayList<>(administrationPages());
        pages.addAll(administrationPagesOfRecords());
        for (String path : pages) {
            tests.add(dynamicTest(path, () -> {
                browser.open(url(path));
                assertThat(browser.status()).as(path).isEqualTo(200);
                check("admin" + path.replace("/admin", "").replaceAll("[^a-z0-9]+", "-"));
            }));
        }
        tests.add(dynamicTest("audit log in words, its stored values opened, at 1280 and 375 px", () -> {
            for (int width : new int[] {1280, 375}) {
                browser.emulateViewportWidth(width);
                browser.open(url("/admin/dziennik"));
                assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                        .isEqualTo("Dziennik zdarzeń");
                List<WebElement> stored = browser.driver().findElements(By.cssSelector("td details summary"));
                assertThat(stored).as("lines with stored values").isNotEmpty();
                stored.getFirst().click();
                check("admin-audit-details-" + width);
            }
            browser.resetViewport();
        }));
        return tests.stream();
    }

    @Test
    void aCoordinatorWithoutASecondFactorIsAskedToEnrolOne() {
        long id = jdbc.sql("""
                insert into account (email, display_name, status, password_hash, language)
                values ('nowy.koordynator@przyklad.example', 'Natalia Nowa', 'ACTIVE', :hash, 'pl') returning id
                """)
                .param("hash", passwordEncoder.encode(PASSWORD))
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into role_assignment (account_id, role, region_id) values (:id, 'REGIONAL_COORDINATOR', (select id from region where slug = 'opolskie'))")
                .param("id", id)
                .update();
        browser.forgetCookies();
        signIn("nowy.koordynator@przyklad.example");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/logowanie/drugi-skladnik");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("img[src^='data:image/png']"))
                        .getDomAttribute("alt"))
                .isNotBlank();
        check("second-factor-enrol");
    }

    /** Pages of single records (a message of the development mailbox, a person, a region, an institution, a committee and a member, a macroregion). */
    private List<String> administrationPagesOfRecords() {
        long person = jdbc.sql("select id from account where email = 'uczestnik@demo.koordes.example'")
                .query(Long.class)
                .single();
        long region = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        long macroregion = jdbc.sql("select id from macroregion where code = 'PL2'")
                .query(Long.class)
                .single();
        long institution = jdbc.sql("select id from institution where kind = 'ROPS' and region_id = :region")
                .param("region", region)
                .query(Long.class)
                .single();
        long committee = jdbc.sql("select id from committee where region_id = :region")
                .param("region", region)
                .query(Long.class)
                .single();
        long member = jdbc.sql("select min(id) from committee_membership where committee_id = :committee")
                .param("committee", committee)
                .query(Long.class)
                .single();
        // A message of the development mailbox as the mail templates make it (HTML part shown in a sandboxed frame).
        UUID mail = mailCheck
                .send("zofia.lis@przyklad.example", Language.PL.locale(), "strona wiadomości")
                .id();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.find(mail).isPresent());
        return List.of(
                "/admin/poczta/" + mail,
                "/admin/osoby/" + person,
                "/admin/katalog/regiony/" + region,
                "/admin/katalog/makroregiony/" + macroregion,
                "/admin/katalog/instytucje/" + institution,
                "/admin/katalog/instytucje/" + institution + "/usun",
                "/admin/katalog/komitety/" + committee,
                "/admin/katalog/komitety/" + committee + "/czlonkowie/nowy",
                "/admin/katalog/komitety/" + committee + "/czlonkowie/" + member);
    }

    /** Every GET page under /admin without path variables, so new administration pages are checked as they come. */
    private List<String> administrationPages() {
        List<String> pages = new ArrayList<>();
        for (RequestMappingInfo info :
                requestMappingHandlerMapping.getHandlerMethods().keySet()) {
            boolean get = info.getMethodsCondition().getMethods().isEmpty()
                    || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
            for (String pattern : info.getPatternValues()) {
                if (get && pattern.startsWith("/admin") && !pattern.contains("{") && !pattern.endsWith(".csv")) {
                    pages.add(pattern);
                }
            }
        }
        pages.sort(String::compareTo);
        assertThat(pages).contains("/admin/poczta");
        return pages;
    }

    @Test
    void thePagesOfAddressChangesMyDataAndMyRegistrationsReadWellOnADesktopAndAPhone() throws Exception {
        long participant = jdbc.sql("select id from account where email = 'uczestnik@demo.koordes.example'")
                .query(Long.class)
                .single();
        String secret = "przegladarka-" + System.nanoTime();
        jdbc.sql(
                        "insert into accounts_personal_data_link (token_hash, email, expires_at) values (:hash, :email, now() + interval '1 hour')")
                .param(
                        "hash",
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256")
                                        .digest(secret.getBytes(StandardCharsets.UTF_8))))
                .param("email", "gosc.przegladarki@przyklad.example")
                .update();
        for (int width : new int[] {1280, 375}) {
            browser.emulateViewportWidth(width);
            browser.forgetCookies();
            String confirm = tokens.issue(
                    participant,
                    AccountTokens.Purpose.EMAIL_CHANGE,
                    Duration.ofHours(1),
                    "nowy.adres@przyklad.example");
            browser.open(url("/adres/potwierdz?token=" + confirm));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Potwierdzenie nowego adresu e-mail");
            check("address-confirm-" + width);
            browser.open(url("/moje-dane/dostep?token=" + secret));
            check("visitor-data-access-" + width);
            browser.driver()
                    .findElement(By.cssSelector("form[action='/moje-dane/usun'] button"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            check("visitor-data-erase-unticked-" + width);
            signIn("uczestnik@demo.koordes.example");
            browser.open(url("/konto/zapisy"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Moje zapisy");
            check("my-registrations-" + width);
            assertThat((Boolean) browser.js()
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at %d px", width)
                    .isTrue();
        }
        browser.resetViewport();
    }

    private void signIn(String email) {
        browser.signIn(url("/logowanie"), email, PASSWORD);
    }

    private void check(String name) {
        browser.checkAccessible("accounts-" + name);
    }

    private static String currentCode() throws Exception {
        return new DefaultCodeGenerator().generate(TOTP_SECRET, System.currentTimeMillis() / 1000 / 30);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
