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
 * The regional programme pages in a real browser, at 1280 and 375 px, each checked with axe-core (WCAG 2.1
 * A/AA) and kept as a screenshot: the list, a programme with progress, a former version and its comparison,
 * and — as małopolskie's coordinator — the draft, its comparison and every editing form, one of them sent
 * empty to show its errors (nothing is saved, so the shared demo data stays as it was).
 */
@IntegrationTest
class ProgrammeBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublicProgrammePagesAreAccessibleAtBothWidths() {
        browser.forgetCookies();
        browser.open(url("/monitoring/regiony"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Programy regionalne");
        both("list");
        browser.open(url("/monitoring/regiony/malopolskie"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Jak oceniamy postęp");
        both("programme");
        browser.open(url("/monitoring/regiony/dolnoslaskie/wersje/1"));
        both("former-version");
        browser.open(url("/monitoring/regiony/dolnoslaskie/wersje/1/porownanie"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("dodano");
        both("comparison");
        browser.open(url("/regiony/malopolskie"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".programme-section"))
                        .getText())
                .contains("Program regionalny rozwoju ekonomii społecznej");
    }

    @Test
    void theDraftAndItsFormsAreAccessibleAtBothWidths() throws Exception {
        signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        String draft = "/monitoring/regiony/malopolskie/projekt";
        browser.open(url(draft));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Aktualizacja programu: małopolskie");
        both("draft");
        browser.open(url(draft + "/porownanie"));
        both("draft-comparison");
        browser.open(url(draft + "/dane"));
        both("details");
        browser.open(url(draft + "/cele/nowy"));
        both("goal-new");
        browser.open(url(draft + "/dzialania/nowe"));
        both("action-new");
        long action = jdbc.sql("""
                        select min(a.id) from monitoring_action a join monitoring_goal g on g.id = a.goal_id
                        join monitoring_programme_version v on v.id = g.version_id join monitoring_programme p on p.id = v.programme_id
                        join region r on r.id = p.region_id where r.slug = 'malopolskie' and v.status = 'DRAFT'""").query(Long.class).single();
        browser.open(url(draft + "/dzialania/" + action));
        assertThat(browser.driver().findElements(By.cssSelector("input[name=directions]:checked")))
                .isNotEmpty();
        both("action");
        long indicator = jdbc.sql("""
                        select i.id from monitoring_indicator i join region r on r.id = i.region_id
                        where r.slug = 'malopolskie' and i.code = 'R1'""").query(Long.class).single();
        browser.open(url(draft + "/wskazniki/" + indicator));
        both("indicator");
        browser.open(url(draft + "/wskazniki/nowy"));
        browser.driver().findElement(By.cssSelector("button[value=dodaj-cel]")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("targets[1].year")));
        browser.driver().findElement(By.id("targets[0].value")).sendKeys("to nie liczba");
        browser.driver().findElement(By.id("targets[0].year")).sendKeys("2027");
        browser.driver()
                .findElement(By.cssSelector("main form > button[type=submit]"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver().findElement(By.id("targets[0].value")).getDomProperty("value"))
                .isEqualTo("to nie liczba");
        both("indicator-errors");
        browser.open(url(draft + "/opinia"));
        both("opinion");
        browser.open(url(draft + "/przyjmij"));
        both("adopt");
        browser.open(url(draft + "/przyjmij?resolutionNumber=XX/1/26&resolutionDate=2026-11-30&rowVersion=0"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("stanie się obowiązującą");
        both("adopt-question");
        browser.open(url(draft + "/odrzuc"));
        both("discard-question");
    }

    /** axe and a screenshot at 1280 px, then at 375 px. */
    private static void both(String name) {
        browser.checkAccessible("programme-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("programme-" + name + "-375");
        } finally {
            browser.resetViewport();
        }
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
