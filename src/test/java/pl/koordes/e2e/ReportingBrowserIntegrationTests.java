package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Reporting in a real browser: the coordinator of małopolskie follows the header's "Monitoring" link to the
 * periods, the period at a glance, the region's values and one value's form, which submits with Enter; the
 * administrator sees the 16 regions, the periods and a submitted value's decision. Every page is checked with
 * axe-core at 1280 and 375 px and kept as a screenshot. What is typed goes into a period of its own (2094),
 * removed at the end, because the application and its data are shared with other tests.
 */
@IntegrationTest
class ReportingBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinatorReportsAndTheOperatorDecidesByKeyboardOnEveryWidth() throws Exception {
        long open = jdbc.sql("select id from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Long.class)
                .single();
        long own = jdbc.sql(
                        "insert into monitoring_period (kind, year, deadline) values ('YEAR', 2094, date '2095-02-28') returning id")
                .query(Long.class)
                .single();
        long submitted = jdbc.sql("""
                        select min(v.indicator_id) from monitoring_value v join region r on r.id = v.region_id
                        where r.slug = 'malopolskie' and v.period_id = :p and v.status = 'SUBMITTED'""").param("p", open).query(Long.class).single();
        long indicator = jdbc.sql("""
                        select min(vi.indicator_id) from monitoring_version_indicator vi
                        join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
                        join monitoring_programme p on p.id = pv.programme_id
                        join region r on r.id = p.region_id where r.slug = 'malopolskie'""").query(Long.class).single();
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/monitoring/sprawozdania']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/monitoring/sprawozdania$"));
            checkBothWidths("coordinator-periods");
            browser.open(url("/monitoring/sprawozdania/" + open));
            checkBothWidths("coordinator-period");
            browser.open(url("/monitoring/sprawozdania/" + open + "/malopolskie"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Zwrócona do poprawy")
                    .contains("Przekazana")
                    .contains("Szkic");
            checkBothWidths("coordinator-region");

            // A value typed and sent with Enter, in the period of its own.
            String value = "/monitoring/sprawozdania/" + own + "/malopolskie/wskazniki/" + indicator;
            browser.open(url(value));
            checkBothWidths("coordinator-value-new");
            WebElement field = browser.driver().findElement(By.id("value"));
            field.sendKeys("dwanaście" + Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            checkBothWidths("coordinator-value-error");
            field = browser.driver().findElement(By.id("value"));
            field.clear();
            field.sendKeys("1 234,5" + Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
            assertThat(browser.driver().findElement(By.id("value")).getDomProperty("value"))
                    .isEqualTo("1234,5");
            checkBothWidths("coordinator-value-saved");
            browser.open(url("/monitoring/sprawozdania/" + own + "/malopolskie"));
            checkBothWidths("coordinator-region-draft");

            signIn(DemoAccounts.ADMINISTRATOR);
            browser.open(url("/monitoring/sprawozdania/" + open));
            assertThat(browser.driver().findElements(By.cssSelector("main tbody tr")))
                    .hasSize(16);
            checkBothWidths("operator-period");
            browser.open(url("/monitoring/sprawozdania/" + open + "/slaskie"));
            checkBothWidths("operator-region");
            browser.open(url("/monitoring/sprawozdania/" + open + "/malopolskie/wskazniki/" + submitted));
            assertThat(browser.driver().findElements(By.cssSelector("form[action$='/zatwierdz']")))
                    .hasSize(1);
            checkBothWidths("operator-value");
            browser.open(url("/monitoring/okresy"));
            checkBothWidths("operator-periods");
            browser.open(url("/monitoring/okresy/" + open));
            checkBothWidths("operator-period-edit");
            browser.open(url("/monitoring/okresy/" + open + "/zamknij"));
            checkBothWidths("operator-period-close");
        } finally {
            jdbc.sql("delete from monitoring_value where period_id = :p")
                    .param("p", own)
                    .update();
            jdbc.sql("delete from monitoring_period where id = :p")
                    .param("p", own)
                    .update();
        }
    }

    private void checkBothWidths(String name) {
        browser.checkAccessible("reporting-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("reporting-" + name + "-375");
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
