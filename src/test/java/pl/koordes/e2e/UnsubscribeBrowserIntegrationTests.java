package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.notifications.internal.UnsubscribeTokens;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 18, item 2, in a real browser and without signing in: the unsubscribe link of an e-mail opens a page that
 * names the kind, its button is reached and pressed by keyboard, and the page after says what changed and leads to
 * the settings; a forged link gets the Polish page. Each passes axe-core at 1280 and 375 px (screenshots in
 * target/screenshots).
 */
@IntegrationTest
class UnsubscribeBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnsubscribeTokens tokens;

    @AfterEach
    void forgetTheChoice() {
        jdbc.sql("delete from notifications_preference where account_id = (select id from account where email = :e)")
                .param("e", DemoAccounts.PARTICIPANT)
                .update();
    }

    @Test
    void aVisitorUnsubscribesFromTheRemindersByKeyboard() {
        long participant = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.PARTICIPANT)
                .query(Long.class)
                .single();
        String path = "/wypisz/" + tokens.token(participant, "event-reminder");
        browser.open(url(path));
        assertThat(browser.mainText())
                .contains("Wypisz się z powiadomień", "Przypomnienie dzień przed wydarzeniem", "E-mail od razu");
        browser.checkAccessibleAtBothWidths("unsubscribe");

        browser.sendByKeyboard("main form[action='" + path + "']");
        browser.waiting().until(ExpectedConditions.urlMatches("\\?wypisano$"));
        assertThat(browser.mainText()).contains("Wypisano", "Nie będziemy już wysyłać e-mailem");
        browser.checkAccessibleAtBothWidths("unsubscribe-done");

        browser.open(url("/wypisz/1." + participant + ".event-reminder.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(browser.mainText()).contains("Ten link do wypisania nie działa");
        browser.checkAccessibleAtBothWidths("unsubscribe-invalid");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
