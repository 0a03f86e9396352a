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
 * Needs in a real browser: the editor follows the header link to the list (demo needs, the summary, filters),
 * opens a demo need answered by an event, sends the new-need form empty (the error summary), records a need by
 * keyboard with a region chosen and links an upcoming event to it; the event's page then lists the need. Every
 * page is checked with axe-core at 1280 and at 375 px and kept as a screenshot.
 */
@IntegrationTest
class SurveysNeedsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorRecordsANeedAndLinksAnEventByKeyboard() throws Exception {
        try {
            signIn(DemoAccounts.EDITOR);
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/potrzeby']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/potrzeby$"));
            String list = browser.driver().findElement(By.tagName("main")).getText();
            assertThat(list)
                    .contains("Zebrano ")
                    .contains("zaspokojono dzięki")
                    .contains("Klauzule społeczne w zamówieniach publicznych");
            check("list");

            browser.open(url("/potrzeby?status=zaspokojona&wojewodztwo=malopolskie"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Aktualizacja regionalnego programu");
            browser.driver()
                    .findElement(By.linkText("Aktualizacja regionalnego programu"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/potrzeby/\\d+$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Zaspokojona")
                    .contains("Posiedzenie robocze: podsumowanie półrocza (Małopolska)")
                    .contains("Odpowiedzi, w których ją rozpoznano");
            check("need");

            browser.open(url("/potrzeby/nowa"));
            browser.driver()
                    .findElement(By.cssSelector("form[action='/potrzeby/nowa'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Temat: podaj temat potrzeby.")
                    .contains("Opisz potrzebę.");
            check("form-errors");

            // By keyboard: type, choose the region by typing its name in the select, send with Enter.
            browser.driver().findElement(By.id("topic")).sendKeys("Potrzeba z przeglądarki");
            browser.driver().findElement(By.id("regionId")).sendKeys("pomorskie");
            browser.driver().findElement(By.id("description")).sendKeys("Opis potrzeby wpisany klawiaturą.");
            browser.driver()
                    .findElement(By.cssSelector("form[action='/potrzeby/nowa'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/potrzeby/\\d+$"));
            String needUrl = browser.driver().getCurrentUrl();
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Potrzebę zapisano.")
                    .contains("Potrzeba z przeglądarki")
                    .contains("Otwarta");

            browser.driver().findElement(By.linkText("Powiąż z wydarzeniem")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/wydarzenie$"));
            check("event-form");
            long event = jdbc.sql("""
                            select id from event where title = 'Ogólnopolskie spotkanie koordynatorów regionalnych'
                            """).query(Long.class).single();
            browser.driver().findElement(By.id("eventNumber")).sendKeys(Long.toString(event));
            browser.driver().findElement(By.id("eventNumber")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlToBe(needUrl));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Wydarzenie powiązano z potrzebą.")
                    .contains("Zaplanowana odpowiedź");

            browser.open(url("/wydarzenia/" + event));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Odpowiada na potrzeby zgłoszone w ankietach")
                    .contains("Potrzeba z przeglądarki");
            check("event-page");
        } finally {
            jdbc.sql("delete from surveys_need where topic = 'Potrzeba z przeglądarki'")
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessible("needs-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("needs-" + name + "-375");
            Reflow.assertNoHorizontalOverflow(browser, "needs-" + name);
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
        browser.waiting()
                .until(ExpectedConditions.or(
                        ExpectedConditions.urlMatches("/logowanie/kod$"), ExpectedConditions.urlMatches("/konto$")));
        if (browser.driver().getCurrentUrl().endsWith("/logowanie/kod")) {
            browser.driver()
                    .findElement(By.id("code"))
                    .sendKeys(new DefaultCodeGenerator()
                            .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
            browser.driver()
                    .findElement(By.cssSelector("form button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
