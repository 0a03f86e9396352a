package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;

/**
 * The open-data documentation page in a real browser: reached from the footer by keyboard, it lists every
 * collection with its fields and links to the API, the OpenAPI description and the catalogue, and passes axe
 * at 1280 and 375 px in Polish and English (screenshots opendata*.png).
 */
@IntegrationTest
class OpenDataBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Test
    void theDocumentationIsFoundFromTheFooterAndAccessible() {
        String base = "http://localhost:" + port;
        browser.forgetCookies();
        browser.resetViewport();
        browser.open(base + "/");
        WebElement link = browser.driver().findElement(By.cssSelector("footer a[href='/dane']"));
        link.sendKeys(Keys.ENTER);
        browser.waiting().until(driver -> driver.getCurrentUrl().endsWith("/dane"));
        String text = browser.mainText();
        assertThat(text)
                .contains("Otwarte dane", "Regiony (województwa)", "Wydarzenia", "Aktualności", "Komitety regionalne");
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='/api/v1/openapi.json']")))
                .hasSize(1);
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='/api/v1/catalog.rdf']")))
                .hasSize(1);
        browser.checkAccessibleAtBothWidths("opendata");
        browser.open(base + "/dane?lang=en");
        assertThat(browser.mainText()).contains("Open data", "Datasets");
        browser.checkAccessibleAtBothWidths("opendata-en");
    }
}
