package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.AfterEach;
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
 * The national programme in a real browser: the public tree at desktop and phone widths, in Polish and
 * English, and an administrator's way through its editing (the panel's link, an indicator added with a
 * mistake, its yearly targets as rows added with a button, a refused deletion). Every page is checked
 * with axe-core (WCAG 2.1 A/AA) and kept as a screenshot; what the test adds is removed at the end.
 */
@IntegrationTest
class NationalProgrammeBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        browser.resetViewport();
        jdbc.sql("delete from monitoring_national_indicator where code = 'WPRZEG'")
                .update();
    }

    @Test
    void thePublicTreeReadsWellOnADesktopAndAPhoneInBothLanguages() {
        browser.forgetCookies();
        browser.open(url("/monitoring/kpres"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Krajowy Program Rozwoju Ekonomii Społecznej (KPRES)");
        assertThat(browser.driver().findElements(By.cssSelector("table caption")))
                .hasSize(4);
        assertThat(browser.driver()
                        .findElements(By.cssSelector("tbody th[scope=row] a[href^='/monitoring/kpres/wskazniki/']")))
                .hasSize(13);
        check("tree");
        browser.emulateViewportWidth(375);
        browser.open(url("/monitoring/kpres"));
        check("tree-375");
        browser.resetViewport();
        browser.open(url("/monitoring/kpres?lang=en"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("National Social Economy Development Programme (KPRES)");
        check("tree-en");
    }

    @Test
    void anAdministratorAddsAnIndicatorWithYearlyTargetsInTheBrowser() throws Exception {
        signIn(DemoAccounts.ADMINISTRATOR);
        browser.open(url("/admin"));
        browser.driver()
                .findElement(By.cssSelector("main a[href='/admin/monitoring/kpres']"))
                .click();
        browser.waiting().until(ExpectedConditions.urlMatches("/admin/monitoring/kpres$"));
        check("admin");
        browser.emulateViewportWidth(375);
        check("admin-375");
        browser.resetViewport();

        long area = jdbc.sql("select id from monitoring_area where code = 'II'")
                .query(Long.class)
                .single();
        browser.open(url("/admin/monitoring/kpres/obszary/" + area + "/wskazniki/nowy"));
        check("indicator-new");
        browser.driver().findElement(By.id("code")).sendKeys("WPRZEG");
        browser.driver().findElement(By.id("namePl")).sendKeys("Wskaźnik z przeglądarki");
        browser.driver().findElement(By.id("nameEn")).sendKeys("Indicator from the browser");
        browser.driver().findElement(By.id("unit")).sendKeys("liczba");
        browser.driver().findElement(By.id("baseline")).sendKeys("12,5");
        browser.driver().findElement(By.id("baselineYear")).sendKeys("1999");
        browser.driver()
                .findElement(By.cssSelector("main form button.button:not(.secondary)"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("Rok bazowy: wpisz rok od 2000 do 2100.");
        assertThat(browser.driver().findElement(By.id("baseline")).getDomProperty("value"))
                .isEqualTo("12,5");
        check("indicator-errors");
        browser.emulateViewportWidth(375);
        check("indicator-errors-375");
        browser.resetViewport();
        browser.driver().findElement(By.id("baselineYear")).clear();
        browser.driver().findElement(By.id("baselineYear")).sendKeys("2020");
        browser.driver()
                .findElement(By.cssSelector("main form button.button:not(.secondary)"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
        check("indicator-saved");

        browser.driver().findElement(By.cssSelector("main a[href$='/cele']")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("targets[0].year")));
        browser.driver().findElement(By.id("targets[0].year")).sendKeys("2026");
        browser.driver().findElement(By.id("targets[0].value")).sendKeys("1 500");
        browser.driver()
                .findElement(By.cssSelector("button[value='dodaj-wiersz']"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("targets[1].year")));
        browser.driver().findElement(By.id("targets[1].year")).sendKeys("2027");
        browser.driver().findElement(By.id("targets[1].value")).sendKeys("1600,5");
        check("targets");
        browser.emulateViewportWidth(375);
        check("targets-375");
        browser.resetViewport();
        browser.driver()
                .findElement(By.cssSelector("main form > button.button:not(.secondary)"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));

        browser.open(url("/monitoring/kpres"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("2026: 1500; 2027: 1600,5")
                .contains("12,5 (2020)");

        // A direction regional programmes depend on: the question says why it cannot be deleted.
        long direction = jdbc.sql("select id from monitoring_direction where code = 'II.1'")
                .query(Long.class)
                .single();
        browser.open(url("/admin/monitoring/kpres/kierunki/" + direction));
        check("direction");
        browser.open(url("/admin/monitoring/kpres/kierunki/" + direction + "/usun"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Tego kierunku nie można usunąć");
        check("direction-delete-refused");
        browser.open(url("/admin/monitoring/kpres/obszary/" + area + "?lang=en"));
        check("area-en");
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

    private void check(String name) {
        browser.checkAccessible("national-" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
