package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The discussion spaces in a real browser, by keyboard: a coordinator opens the network from the header, starts a
 * thread with an empty text (the error summary says so), then with a mention; another coordinator quotes it and
 * replies; an editor hides the reply after the question, with a reason. Every page is checked with axe-core at
 * 1280 and 375 px and kept as a screenshot.
 */
@IntegrationTest
class DiscussionsBrowserIntegrationTests {

    private static final String TITLE = "Dyskusja w przeglądarce";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aThreadIsStartedQuotedAndModeratedByKeyboard() throws Exception {
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.open(url("/"));
            browser.driver().findElement(By.linkText("Dyskusje")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/dyskusje$"));
            check("spaces");
            browser.driver().findElement(By.linkText("Sieć koordynatorów")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/dyskusje/siec-koordynatorow$"));
            check("network");
            browser.driver().findElement(By.linkText("Nowy wątek")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/nowy-watek$"));
            browser.driver().findElement(By.id("title")).sendKeys(TITLE);
            submit("form[action$='/nowy-watek']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("napisz treść wpisu");
            check("new-thread-errors");
            browser.driver()
                    .findElement(By.id("body"))
                    .sendKeys("Jak liczycie **miejsca pracy** w PES? Pytam @Stefan Koordynacyjny.");
            submit("form[action$='/nowy-watek']");
            browser.waiting().until(ExpectedConditions.urlMatches("/watki/\\d+$"));
            assertThat(browser.mainText()).contains(TITLE).contains("miejsca pracy");
            check("thread");

            signIn(DemoAccounts.COORDINATOR_SLASKIE);
            long thread = jdbc.sql("select max(id) from discussion_thread where title = :t")
                    .param("t", TITLE)
                    .query(Long.class)
                    .single();
            String path = "/dyskusje/siec-koordynatorow/watki/" + thread;
            browser.open(url(path));
            browser.driver().findElement(By.partialLinkText("Cytuj")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlContains("cytat="));
            assertThat(browser.driver().findElement(By.id("body")).getAttribute("value"))
                    .startsWith("> **Kinga Koordynacyjna**");
            browser.driver()
                    .findElement(By.id("body"))
                    .sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "Liczymy etaty na koniec roku.");
            submit("form[action$='/odpowiedz']");
            browser.waiting().until(ExpectedConditions.urlContains("#wpis-"));
            assertThat(browser.mainText())
                    .contains("Liczymy etaty na koniec roku.")
                    .contains("W odpowiedzi na wpis nr 1");
            check("reply");

            signIn(DemoAccounts.EDITOR);
            browser.open(url(path));
            browser.driver().findElements(By.partialLinkText("Ukryj")).getLast().sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/ukryj$"));
            check("hide-question");
            browser.driver().findElement(By.id("reason")).sendKeys("Prośba autora.");
            browser.driver()
                    .findElement(By.cssSelector("main form button.danger"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlContains("#wpis-"));
            assertThat(browser.mainText()).contains("Wpis ukryty przez moderację. Powód: Prośba autora.");
            check("hidden");
        } finally {
            jdbc.sql("""
                            delete from search_entry where source = 'post' and source_id in (select p.id::text
                            from discussion_post p join discussion_thread t on t.id = p.thread_id where t.title = :t)
                            """).param("t", TITLE).update();
            jdbc.sql("delete from discussion_thread where title = :t")
                    .param("t", TITLE)
                    .update();
        }
    }

    private void submit(String form) {
        browser.sendByKeyboard(form);
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("discussions-" + name);
    }

    private void signIn(String email) throws Exception {
        browser.signInAgain(jdbc, "http://localhost:" + port, email);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
