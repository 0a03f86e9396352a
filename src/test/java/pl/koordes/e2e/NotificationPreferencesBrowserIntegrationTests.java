package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
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
 * Issue 18, item 2, in a real browser: a participant goes from the account page to the notification settings,
 * moves one kind to the daily message and changes the digest's hour by keyboard only, saves with Enter and finds
 * the choice kept. Every page passes axe-core at 1280 and 375 px (screenshots in target/screenshots).
 */
@IntegrationTest
class NotificationPreferencesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheChoices() {
        // The demo participant's preferences go back to the defaults for other tests.
        jdbc.sql("delete from notifications_preference where account_id = (select id from account where email = :e)")
                .param("e", DemoAccounts.PARTICIPANT)
                .update();
        jdbc.sql("delete from notifications_setting where account_id = (select id from account where email = :e)")
                .param("e", DemoAccounts.PARTICIPANT)
                .update();
    }

    @Test
    void aParticipantChoosesTheDailyMessageByKeyboard() throws Exception {
        browser.signInFully(url(""), DemoAccounts.PARTICIPANT);
        browser.open(url("/konto"));
        WebElement link = browser.driver().findElement(By.cssSelector("main a[href='/konto/powiadomienia']"));
        link.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlMatches("/konto/powiadomienia$"));
        assertThat(browser.mainText())
                .contains("Ustawienia powiadomień", "Godzina wiadomości dziennej", "Wydarzenia")
                .contains("Zmiana terminu lub miejsca wydarzenia: zawsze e-mailem");
        browser.checkAccessibleAtBothWidths("notification-preferences");

        // The reminder: from "E-mail od razu" to "W wiadomości dziennej" with the arrow key, as radio buttons work.
        WebElement email = browser.driver().findElement(By.id("delivery[event-reminder]"));
        assertThat(email.isSelected()).isTrue();
        email.sendKeys(Keys.SPACE);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.driver()
                        .findElement(By.id("delivery-event-reminder-DIGEST"))
                        .isSelected())
                .isTrue();
        WebElement hour = browser.driver().findElement(By.id("digestHour"));
        hour.sendKeys("19");
        browser.sendByKeyboard("main form[action='/konto/powiadomienia']");

        browser.waiting().until(ExpectedConditions.urlMatches("/konto/powiadomienia\\?zapisano$"));
        assertThat(browser.mainText()).contains("Zapisaliśmy ustawienia powiadomień.");
        assertThat(browser.driver()
                        .findElement(By.id("delivery-event-reminder-DIGEST"))
                        .isSelected())
                .isTrue();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#digestHour option[selected]"))
                        .getText())
                .isEqualTo("19:00");
        browser.checkAccessibleAtBothWidths("notification-preferences-saved");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
