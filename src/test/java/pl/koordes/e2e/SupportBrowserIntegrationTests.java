package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.util.UUID;
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
 * Support in a real browser: a visitor sees the map of signing regions with its table and the way to sign in;
 * śląskie's coordinator signs małopolskie's postulate by keyboard and finds the question before withdrawing;
 * a participant follows it and reads the notification centre. Every page is checked with axe-core at 1280 and
 * 375 px and kept as a screenshot. The postulate is the test's own.
 */
@IntegrationTest
class SupportBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMapTheButtonsAndTheNotificationCentreWorkByKeyboardOnEveryWidth() throws Exception {
        String title = "Wspólne zamówienia publiczne dla PES "
                + UUID.randomUUID().toString().substring(0, 6);
        long postulate = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                                          created_at, updated_at, submitted_at, signing_closes_at)
                        select r.id, (select min(id) from institution where kind = 'CENTRAL'), :title,
                               'Podmioty ekonomii społecznej rzadko wygrywają przetargi.',
                               'Klauzule społeczne w zamówieniach.', 'SUBMITTED',
                               now() - interval '2 days', now() - interval '2 days', now() - interval '1 day',
                               now() + interval '10 days'
                        from region r where r.slug = 'malopolskie' returning id
                        """).param("title", title).query(Long.class).single();
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_at)
                        select :p, r.id, now() - interval '5 hours' from region r where r.slug in ('lubelskie', 'opolskie')
                        """).param("p", postulate).update();
        String path = "/postulaty/" + postulate;

        browser.forgetCookies();
        browser.open(url(path));
        String main = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(main)
                .contains("Poparcie województw")
                .contains("Podpisały 2 województwa.")
                .contains("Zaloguj się, aby poprzeć");
        assertThat(browser.driver().findElements(By.cssSelector("#poparcie figure svg.chart-svg")))
                .hasSize(1);
        checkBothWidths("postulate-anonymous");

        signInWithCode(DemoAccounts.COORDINATOR_SLASKIE);
        browser.open(url(path));
        checkBothWidths("postulate-other-coordinator");
        WebElement sign = browser.driver()
                .findElement(By.xpath("//button[contains(., 'Podpisz w imieniu województwa śląskie')]"));
        sign.sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#poparcie .notice.success")));
        assertThat(browser.driver().findElement(By.id("poparcie")).getText())
                .contains("Podpisały 3 województwa.")
                .contains("Wycofaj podpis województwa śląskie");
        checkBothWidths("postulate-signed");
        browser.driver()
                .findElement(By.linkText("Wycofaj podpis województwa śląskie"))
                .sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/podpis/wycofaj"));
        checkBothWidths("withdraw-question");

        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        browser.open(url(path));
        browser.driver()
                .findElement(By.xpath("//button[contains(., 'Obserwuj postulat')]"))
                .sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#poparcie .notice.success")));
        jdbc.sql("""
                        insert into notifications_notice (id, account_id, kind, text, link, created_at)
                        select gen_random_uuid(), a.id, 'postulate-changed', :text, :link, now()
                        from account a where a.email = :e
                        """)
                .param("text", "Kolejne województwo współpodpisało postulat „" + title + "”.")
                .param("link", path)
                .param("e", DemoAccounts.PARTICIPANT)
                .update();
        browser.open(url("/powiadomienia"));
        checkBothWidths("notices");
        browser.open(url("/moje/obserwowane-postulaty"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(title);
        checkBothWidths("followed");
    }

    private void checkBothWidths(String name) {
        browser.checkAccessible("support-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("support-" + name + "-375");
        } finally {
            browser.resetViewport();
        }
    }

    private void signInWithCode(String email) throws Exception {
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
