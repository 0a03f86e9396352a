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
 * The advisory in numbers in a real browser: the report as the operator and as a central institution (no
 * experts' chart there) and a region page with its "Doradztwo w liczbach" pass axe at 1280 and 375 px without
 * sideways scrolling (look at the screenshots: four charts with their tables), and the year and region filter
 * is used with the keyboard alone.
 */
@IntegrationTest
class AdvisoryReportingBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    private void check(String name, String path) {
        browser.resetViewport();
        browser.open("http://localhost:" + port + path);
        assertThat(browser.status()).as(path).isEqualTo(200);
        browser.checkAccessible(name);
        browser.emulateViewportWidth(Reflow.PHONE);
        browser.open("http://localhost:" + port + path);
        browser.checkAccessible(name + "-375");
        Reflow.assertNoHorizontalOverflow(browser, path);
        browser.resetViewport();
    }

    @Test
    void theReportAndTheRegionSectionAreAccessibleAt1280And375Pixels() {
        browser.forgetCookies();
        check("advisory-region-section", "/regiony/malopolskie");
        assertThat(browser.driver()
                        .findElement(By.id("advisory-numbers-heading"))
                        .getText())
                .isEqualTo("Doradztwo w liczbach");

        browser.signIn("http://localhost:" + port + "/logowanie", DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        check("advisory-report-operator", "/doradztwo/zestawienia");
        assertThat(browser.driver().findElements(By.id("godziny-eksperci"))).hasSize(1);
        check("advisory-report-operator-region", "/doradztwo/zestawienia?wojewodztwo=malopolskie");
        browser.forgetCookies();

        browser.signIn(
                "http://localhost:" + port + "/logowanie", DemoAccounts.CENTRAL_INSTITUTION, DemoAccounts.PASSWORD);
        check("advisory-report-central", "/doradztwo/zestawienia");
        assertThat(browser.driver().findElements(By.id("godziny-eksperci"))).isEmpty();
        browser.forgetCookies();
    }

    @Test
    void theFilterWorksWithTheKeyboardAlone() {
        browser.forgetCookies();
        browser.resetViewport();
        browser.signIn("http://localhost:" + port + "/logowanie", DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        browser.open("http://localhost:" + port + "/doradztwo/zestawienia");
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 80 && !"f-rok".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).isEqualTo("f-rok");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("f-wojewodztwo");
        // The first region after "Wszystkie województwa".
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
                .startsWith("Dane za");
        browser.forgetCookies();
    }

    private String activeId() {
        Object id = browser.js().executeScript("return document.activeElement.id");
        return id == null ? "" : id.toString();
    }
}
