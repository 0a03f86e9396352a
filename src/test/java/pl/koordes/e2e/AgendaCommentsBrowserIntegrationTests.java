package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * A postulate's page with its comments and its agenda section, a national meeting's page listing the
 * postulates on its agenda, and the operator's agenda pages, in Chromium at 1280 and 375 px: axe finds no WCAG
 * 2.1 AA violation, and the operator reaches the form and sends it from the keyboard.
 */
@IntegrationTest
class AgendaCommentsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void anonymous() {
        browser.forgetCookies();
        browser.resetViewport();
    }

    @Test
    void aPostulateWithCommentsAndANationalMeetingWithItsAgendaAreAccessibleWideAndNarrow() {
        long commented = jdbc.sql(
                        "select min(article_id) from comments_thread where subject = 'POSTULATE' and approved > 0")
                .query(Long.class)
                .single();
        long meeting = jdbc.sql(
                        "select event_id from postulates_agenda group by event_id order by count(*) desc, event_id limit 1")
                .query(Long.class)
                .single();
        browser.open(url("/postulaty/" + commented));
        assertThat(browser.driver().findElements(By.cssSelector("#komentarze .comment")))
                .isNotEmpty();
        browser.checkAccessible("postulate-comments-1280");
        browser.emulateViewportWidth(375);
        browser.checkAccessible("postulate-comments-375");
        browser.resetViewport();

        browser.open(url("/wydarzenia/" + meeting));
        assertThat(browser.driver().findElement(By.id("postulaty-naglowek")).getText())
                .isEqualTo("Postulaty w porządku spotkania");
        assertThat(browser.driver().findElements(By.cssSelector("#postulaty tbody tr")))
                .hasSizeGreaterThanOrEqualTo(2);
        browser.checkAccessible("event-agenda-1280");
        browser.emulateViewportWidth(375);
        browser.checkAccessible("event-agenda-375");
    }

    @Test
    void theOperatorsAgendaPagesAreAccessibleAndWorkFromTheKeyboard() {
        long postulate = jdbc.sql("select min(id) from postulates_postulate where status = 'ACCEPTED'")
                .query(Long.class)
                .single();
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        browser.open(url("/postulaty/" + postulate));
        assertThat(browser.driver().findElement(By.id("porzadek-naglowek")).getText())
                .isEqualTo("W porządku spotkań");
        browser.checkAccessible("postulate-agenda-operator-1280");

        browser.open(url("/postulaty/" + postulate + "/porzadek"));
        browser.checkAccessible("agenda-form-1280");
        browser.driver()
                .findElement(By.cssSelector("form[action$='/porzadek'] button[type=submit]"))
                .click();
        browser.waiting()
                .until(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        browser.checkAccessible("agenda-form-refused-1280");
        browser.emulateViewportWidth(375);
        browser.checkAccessible("agenda-form-refused-375");
        browser.resetViewport();

        // From the keyboard: choose the first meeting in the select and send the form with Enter.
        WebElement select = browser.driver().findElement(By.id("meeting"));
        select.sendKeys(Keys.ARROW_DOWN);
        String chosen = select.getDomProperty("value");
        assertThat(chosen).isNotEmpty();
        browser.driver()
                .findElement(By.cssSelector("form[action$='/porzadek'] button[type=submit]"))
                .sendKeys(Keys.ENTER);
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/postulaty/" + postulate + "#porzadek"));
        assertThat(browser.driver().findElement(By.id("porzadek")).getText())
                .contains("Postulat dodano do porządku spotkania.");
        browser.checkAccessible("postulate-agenda-added-1280");

        browser.open(url("/postulaty/" + postulate + "/porzadek/" + chosen + "/usun"));
        browser.checkAccessible("agenda-remove-question-1280");
        browser.emulateViewportWidth(375);
        browser.checkAccessible("agenda-remove-question-375");
        browser.resetViewport();
        browser.driver().findElement(By.cssSelector("form button.danger")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("#porzadek"));
        assertThat(jdbc.sql("select count(*) from postulates_agenda where postulate_id = :p")
                        .param("p", postulate)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
