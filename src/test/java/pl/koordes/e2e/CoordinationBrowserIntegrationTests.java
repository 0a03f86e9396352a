package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.internal.KeptWorkspaces;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The coordinator's workspace in a real browser: a coordinator of małopolskie signs in with the second
 * factor, follows the header link to the workspace, uses its forms (errors included) and is refused
 * another region. Every page is checked with axe-core (WCAG 2.1 A/AA) and kept as a screenshot.
 * What the forms save is put back at the end: the application and its data are shared with other tests.
 */
@IntegrationTest
class CoordinationBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptWorkspaces workspaces;

    @Test
    void aCoordinatorWorksOnTheirRegionInTheBrowser() throws Exception {
        String descriptionBefore = jdbc.sql("select description_pl from region where slug = 'malopolskie'")
                .query(String.class)
                .optional()
                .orElse(null);
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/koordynacja']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/koordynacja$"));
            assertThat(browser.driver().findElements(By.cssSelector("header a[href='/admin']")))
                    .isEmpty();
            check("regions");

            browser.driver()
                    .findElement(By.cssSelector("main a[href='/koordynacja/malopolskie']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/koordynacja/malopolskie$"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Koordynacja: województwo małopolskie");
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("@rkres-malopolskie.example");
            check("workspace");

            // The description: an empty Polish text is refused with the summary, then a real one is saved.
            WebElement polish = browser.driver().findElement(By.id("descriptionPl"));
            polish.clear();
            submit("form[action='/koordynacja/malopolskie/opis']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Opis po polsku: wpisz opis regionu po polsku.");
            check("workspace-description-error");
            browser.driver().findElement(By.id("descriptionPl")).sendKeys("Opis z przeglądarki.\n\nDrugi akapit.");
            submit("form[action='/koordynacja/malopolskie/opis']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
            check("workspace-saved");

            // The ROPS contact: a wrong e-mail address comes back beside its field.
            WebElement email = browser.driver().findElement(By.id("email"));
            email.clear();
            email.sendKeys("to nie adres");
            submit("form[action='/koordynacja/malopolskie/kontakt']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.driver().findElement(By.id("email-error")).getText())
                    .isNotBlank();
            check("workspace-contact-error");

            // A membership: the edit form with the member's contact, and a new one refused when empty.
            browser.open(url("/koordynacja/malopolskie"));
            browser.driver()
                    .findElement(By.cssSelector("tbody th a[href^='/koordynacja/malopolskie/czlonkowie/']"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("fullName")));
            assertThat(browser.driver().findElement(By.id("email")).getDomProperty("value"))
                    .endsWith("@rkres-malopolskie.example");
            check("member");
            browser.open(url("/koordynacja/malopolskie/czlonkowie/nowy"));
            check("member-new");
            submit("main form");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            check("member-new-errors");

            // The public page shows the new description and offers "Edytuj" to this coordinator.
            browser.open(url("/regiony/malopolskie"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Opis z przeglądarki.")
                    .doesNotContain("@rkres-");
            assertThat(browser.driver().findElements(By.cssSelector("main a[href='/koordynacja/malopolskie']")))
                    .hasSize(1);
            check("region-page-edit-link");
            browser.open(url("/koordynacja/malopolskie?lang=en"));
            check("workspace-en");

            // Another region is not theirs.
            browser.open(url("/koordynacja/slaskie"));
            assertThat(browser.status()).isEqualTo(403);
            check("other-region-forbidden");
        } finally {
            jdbc.sql("update region set description_pl = :d where slug = 'malopolskie'")
                    .param("d", descriptionBefore)
                    .update();
            // Put back past the write paths, which would have told the workspaces kept in memory.
            workspaces.forget();
        }
    }

    @Test
    void scriptsTypedIntoTheWorkspaceFormsRunNowhere() throws Exception {
        String hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        String descriptionBefore = jdbc.sql("select description_pl from region where slug = 'malopolskie'")
                .query(String.class)
                .optional()
                .orElse(null);
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.open(url("/koordynacja/malopolskie"));
            WebElement polish = browser.driver().findElement(By.id("descriptionPl"));
            polish.clear();
            polish.sendKeys(hostile);
            submit("form[action='/koordynacja/malopolskie/opis']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
            assertNothingRan();

            WebElement street = browser.driver().findElement(By.id("street"));
            street.clear();
            street.sendKeys(hostile);
            WebElement email = browser.driver().findElement(By.id("email"));
            email.clear();
            email.sendKeys(hostile);
            submit("form[action='/koordynacja/malopolskie/kontakt']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver().findElement(By.id("street")).getDomProperty("value"))
                    .isEqualTo(hostile);
            assertNothingRan();

            browser.open(url("/koordynacja/malopolskie/czlonkowie/nowy"));
            browser.driver().findElement(By.id("fullName")).sendKeys(hostile);
            browser.driver().findElement(By.id("email")).sendKeys(hostile);
            submit("main form");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertNothingRan();

            browser.open(url("/regiony/malopolskie"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("<script>alert(1)</script>");
            assertNothingRan();
            check("hostile-description-public");
        } finally {
            jdbc.sql("update region set description_pl = :d where slug = 'malopolskie'")
                    .param("d", descriptionBefore)
                    .update();
            // Put back past the write paths, which would have told the workspaces kept in memory.
            workspaces.forget();
        }
    }

    /** No alert is open and no element came from the typed markup. */
    private static void assertNothingRan() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElements(By.cssSelector("img[src='x'], main script")))
                .isEmpty();
    }

    private void submit(String form) {
        browser.driver()
                .findElement(By.cssSelector(form + " button[type=submit]"))
                .click();
    }

    private void signIn(String email) throws Exception {
        // Each code works once; other tests may have just used this step's code for the same person.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), email, DemoAccounts.PASSWORD);
        browser.waiting().until(ExpectedConditions.urlMatches("/logowanie/kod$"));
        browser.driver()
                .findElement(By.id("code"))
                .sendKeys(new DefaultCodeGenerator()
                        .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
    }

    private void check(String name) {
        browser.checkAccessible("coordination-" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
