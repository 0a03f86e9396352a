package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The go-live checklist and an editor's warning about the placeholders of a page, on a desktop and on a
 * phone: no WCAG 2.1 AA violation, no sideways scrolling.
 */
@IntegrationTest
class GoLiveBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorsPlaceholderWarningReadsWellOnADesktopAndAPhone() {
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        try {
            for (int width : new int[] {1280, 375}) {
                browser.emulateViewportWidth(width);
                browser.open(url("/prywatnosc"));
                assertThat(browser.driver()
                                .findElement(By.cssSelector(".notice.warning h2"))
                                .getText())
                        .isEqualTo("Na tej stronie zostało 8 miejsc do uzupełnienia");
                browser.checkAccessible("content-placeholders-warning-" + width);
                assertNoSidewaysScrolling(width);
            }
        } finally {
            browser.resetViewport();
        }
    }

    @Test
    void theChecklistReadsWellOnADesktopAndAPhone() throws Exception {
        // Each code works once; other tests may have just used this step's code for the same person.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.ADMINISTRATOR)
                .update();
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD);
        browser.driver()
                .findElement(By.id("code"))
                .sendKeys(new DefaultCodeGenerator()
                        .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
        try {
            for (int width : new int[] {1280, 375}) {
                browser.emulateViewportWidth(width);
                browser.open(url("/admin"));
                browser.driver()
                        .findElement(By.linkText("Gotowość do uruchomienia"))
                        .click();
                browser.waiting().until(ExpectedConditions.urlMatches("/admin/gotowosc$"));
                assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                        .isEqualTo("Gotowość do uruchomienia");
                assertThat(browser.driver().findElements(By.cssSelector(".checklist > li")))
                        .hasSizeGreaterThanOrEqualTo(10);
                browser.checkAccessible("admin-golive-" + width);
                assertNoSidewaysScrolling(width);
            }
        } finally {
            browser.resetViewport();
        }
    }

    private static void assertNoSidewaysScrolling(int width) {
        assertThat((Boolean)
                        browser.js().executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at %d px", width)
                .isTrue();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
