package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The programme report in a real browser: the whole country as the operator, one region as its coordinator, and
 * the page with errors pass axe at 1280 and 375 px without sideways scrolling (look at the screenshots: every
 * section's figures, tables and bar charts), and the period and region are chosen with the keyboard alone.
 */
@IntegrationTest
class ProgrammeReportBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    private void check(String name, String path, int status) {
        browser.resetViewport();
        browser.open("http://localhost:" + port + path);
        assertThat(browser.status()).as(path).isEqualTo(status);
        browser.checkAccessible(name);
        browser.emulateViewportWidth(Reflow.PHONE);
        browser.open("http://localhost:" + port + path);
        browser.checkAccessible(name + "-375");
        Reflow.assertNoHorizontalOverflow(browser, path);
        browser.resetViewport();
    }

    @Test
    void theReportIsAccessibleAt1280And375Pixels() throws Exception {
        browser.forgetCookies();
        browser.signIn("http://localhost:" + port + "/logowanie", DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        check("programme-report-operator", "/raport", 200);
        assertThat(browser.driver().findElements(By.cssSelector("section.report-section")))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.driver().findElements(By.cssSelector("figure.chart-bar")))
                .hasSizeGreaterThanOrEqualTo(6);
        check("programme-report-errors", "/raport?od=2026-02-31&do=1999-01-01", 400);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("Od dnia");
        browser.forgetCookies();

        browser.signInFully("http://localhost:" + port, DemoAccounts.COORDINATOR_MALOPOLSKIE);
        check("programme-report-region", "/raport", 200);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("p[role=status]"))
                        .getText())
                .contains("małopolskie");
        assertThat(browser.driver().findElements(By.id("wojewodztwo"))).isEmpty();
        browser.forgetCookies();
    }

    @Test
    void thePeriodAndRegionAreChosenWithTheKeyboardAlone() {
        browser.forgetCookies();
        browser.resetViewport();
        browser.signIn("http://localhost:" + port + "/logowanie", DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        browser.open("http://localhost:" + port + "/konto");
        // The header leads to the report.
        browser.driver().findElement(By.cssSelector("a[href='/raport']")).sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/raport"));
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 80 && !"od".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).isEqualTo("od");
        keys.sendKeys(Keys.TAB).perform();
        // A date field takes Tab within its parts (day, month, year) in Chromium: on to the region's list.
        for (int i = 0; i < 8 && !"wojewodztwo".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).isEqualTo("wojewodztwo");
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        Object region = browser.js().executeScript("return document.activeElement.value");
        assertThat(region).isNotNull().isNotEqualTo("");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.js().executeScript("return document.activeElement.type"))
                .isEqualTo("submit");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> d.getCurrentUrl().contains("wojewodztwo=" + region));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("p[role=status]"))
                        .getText())
                .startsWith("Okres od");
        browser.forgetCookies();
    }

    private String activeId() {
        Object id = browser.js().executeScript("return document.activeElement.id");
        return id == null ? "" : id.toString();
    }
}
