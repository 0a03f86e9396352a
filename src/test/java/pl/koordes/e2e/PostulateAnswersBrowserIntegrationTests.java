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
 * Forwarding and answers in a real browser: the operator follows the header's link to the queue and opens
 * the forwarding form; the ministry's person opens the inbox and the answer form, sends it with Enter
 * without the date "w analizie" needs and lands on the error summary; a postulate with an answer and a
 * corrected one show their sections. Every page is checked with axe-core at 1280 and 375 px and kept as a
 * screenshot. Nothing is saved (the refused form saves nothing), as the application is shared.
 */
@IntegrationTest
class PostulateAnswersBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOperatorAndTheAddresseeWorkByKeyboardOnEveryWidth() throws Exception {
        long submitted = postulate("SUBMITTED", "MRPiPS");
        long forwarded = postulate("FORWARDED", "MRPiPS");
        long answered = postulate("PARTLY_ACCEPTED", "MFiPR");
        long corrected = jdbc.sql("select min(postulate_id) from postulates_answer where correction")
                .query(Long.class)
                .single();

        signIn(DemoAccounts.EDITOR);
        browser.driver()
                .findElement(By.cssSelector("header a[href='/postulaty/obsluga']"))
                .click();
        browser.waiting().until(ExpectedConditions.urlMatches("/postulaty/obsluga$"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("po terminie od");
        checkBothWidths("queue");
        browser.open(url("/postulaty/" + submitted + "/przekaz"));
        checkBothWidths("forward");
        browser.open(url("/postulaty/" + submitted + "/polacz"));
        checkBothWidths("merge");

        signIn(DemoAccounts.CENTRAL_INSTITUTION);
        browser.driver()
                .findElement(By.cssSelector("header a[href='/postulaty/do-odpowiedzi']"))
                .click();
        browser.waiting().until(ExpectedConditions.urlMatches("/postulaty/do-odpowiedzi$"));
        checkBothWidths("inbox");
        browser.open(url("/postulaty/" + forwarded + "/odpowiedz"));
        checkBothWidths("answer");
        browser.driver().findElement(By.id("answerStatus")).sendKeys("W analizie");
        WebElement text = browser.driver().findElement(By.id("answerText"));
        text.sendKeys("Sprawdzamy, czy da się to zrobić w tym roku.");
        browser.driver().findElement(By.id("answerNewDue")).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("podaj nowy termin");
        checkBothWidths("answer-error");

        browser.forgetCookies();
        browser.open(url("/postulaty/" + answered));
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".postulate-answer"))
                        .getText())
                .contains("Przyjęty częściowo");
        checkBothWidths("answered");
        browser.open(url("/postulaty/" + corrected));
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".postulate-answer"))
                        .getText())
                .contains("Wersje odpowiedzi");
        checkBothWidths("corrected");
    }

    private long postulate(String status, String addressee) {
        return jdbc.sql("""
                        select min(p.id) from postulates_postulate p join region r on r.id = p.region_id
                        join institution i on i.id = p.addressee_id
                        where r.slug = 'malopolskie' and p.status = :status and i.short_name = :addressee""")
                .param("status", status)
                .param("addressee", addressee)
                .query(Long.class)
                .single();
    }

    private void checkBothWidths(String name) {
        browser.checkAccessible("postulate-answers-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("postulate-answers-" + name + "-375");
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
