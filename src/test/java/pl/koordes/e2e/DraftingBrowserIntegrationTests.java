package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Drafting in a real browser: the coordinator of małopolskie follows the header link to the region's list,
 * opens the new draft form, sends it empty (the error summary), writes a draft by keyboard and sees the
 * region's actions on its page. Every page is checked with axe-core at 1280 and at 375 px and kept as a
 * screenshot. The draft is deleted at the end: the data are shared with other tests.
 */
@IntegrationTest
class DraftingBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorDraftsAPostulateInTheBrowser() throws Exception {
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/postulaty/region']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/postulaty/region/malopolskie$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Nowy postulat");
            check("region");

            browser.driver()
                    .findElement(By.cssSelector("main a[href='/postulaty/region/malopolskie/nowy']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/nowy$"));
            check("new");
            browser.driver()
                    .findElement(
                            By.cssSelector("form[action='/postulaty/region/malopolskie/nowy'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Tytuł: wpisz tytuł postulatu.")
                    .contains("Adresat: wybierz adresata.");
            check("new-errors");

            // By keyboard: type into each field, tick an area with the space bar, send with Enter on the button.
            browser.driver().findElement(By.id("title")).sendKeys("Postulat z przeglądarki");
            browser.driver().findElement(By.id("problem")).sendKeys("Opis problemu z przeglądarki.");
            browser.driver().findElement(By.id("proposal")).sendKeys("Propozycja z przeglądarki.");
            browser.driver().findElement(By.id("addressee")).sendKeys("Ministerstwo Rodziny");
            browser.driver().findElement(By.id("area-III")).sendKeys(Keys.SPACE);
            browser.driver()
                    .findElement(
                            By.cssSelector("form[action='/postulaty/region/malopolskie/nowy'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/postulaty/\\d+$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Postulat z przeglądarki")
                    .contains("Projekt widoczny tylko dla województwa")
                    .contains("Złóż postulat")
                    .contains("Edytuj projekt");
            check("draft");

            browser.open(url("/postulaty/region/malopolskie"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Postulat z przeglądarki");
        } finally {
            jdbc.sql("delete from postulates_postulate where title = 'Postulat z przeglądarki'")
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessible("drafting-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("drafting-" + name + "-375");
            Reflow.assertNoHorizontalOverflow(browser, "drafting-" + name);
        } finally {
            browser.resetViewport();
        }
    }

    private void signIn(String email) throws Exception {
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
