package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;

/**
 * Markup typed into the address runs nowhere: the site answers with an error page or its ordinary
 * page, never a script and never a server error. The browser is left to keep any alert open, so one
 * that appeared would be found here.
 */
@IntegrationTest
class HostileInputBrowserIntegrationTests {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @BeforeEach
    void polish() {
        browser.forgetCookies();
    }

    @Test
    void aScriptInTheRegionAddressGivesAnErrorPage() {
        browser.open(url("/regiony/" + SCRIPT));

        assertNoAlert();
        assertThat(browser.status()).isBetween(400L, 499L);
        assertThat(text(".error-code")).matches("Błąd 4\\d\\d");
        assertThat(lang()).isEqualTo("pl");
        assertNoInjectedScript();
    }

    @Test
    void aScriptAsTheLanguageGivesThePolishHomePage() {
        browser.open(url("/?lang=" + SCRIPT));

        assertNoAlert();
        assertThat(browser.status()).isEqualTo(200L);
        assertThat(lang()).isEqualTo("pl");
        assertThat(text("h1")).isEqualTo("Ekonomia społeczna w 16 regionach, w jednym miejscu");
        assertThat(browser.driver().findElement(By.cssSelector("a.lang-switch")).getDomAttribute("href"))
                .as("the language switch's address")
                .doesNotContain("<", ">");
        assertNoInjectedScript();
    }

    private static void assertNoAlert() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Also catches markup that arrived but was kept from running (by the CSP, for instance). */
    private static void assertNoInjectedScript() {
        assertThat(browser.js()
                        .executeScript("return [...document.scripts].some(s => s.textContent.includes('alert(1)'))"))
                .isEqualTo(false);
    }

    private static String lang() {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The text as written, not as styled (the error code is shown in capitals). */
    private static String text(String selector) {
        return browser.driver()
                .findElement(By.cssSelector(selector))
                .getDomProperty("textContent")
                .strip();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
