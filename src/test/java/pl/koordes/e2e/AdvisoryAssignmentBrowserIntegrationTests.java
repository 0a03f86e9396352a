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
 * The operator's assignment in a real browser: the decision form sent without a limit (the error summary), then
 * filled in and sent by keyboard with an expert chosen; the case page with its section; the expert chooser; the
 * list of experts with their load; the topics and a topic's form. Every page is checked with axe-core at 1280 and
 * at 375 px and kept as a screenshot.
 */
@IntegrationTest
class AdvisoryAssignmentBrowserIntegrationTests {

    private static final String TITLE = "Test przeglądarki przydziału: ekonomia społeczna w strategii";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorDecidesAndAssignsByKeyboard() throws Exception {
        long id = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                                                      requested_at, updated_at)
                        select g.id, (select min(id) from advisory_topic), :title, 'Opis potrzeby regionu.',
                               'GROUP', 'IN_PERSON', 'SUBMITTED', now(), now()
                        from region g where g.slug = 'malopolskie' returning id
                        """).param("title", TITLE).query(Long.class).single();
        long expert = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.EXPERT)
                .query(Long.class)
                .single();
        try {
            signIn(DemoAccounts.EDITOR);
            browser.open(url("/doradztwo/" + id + "/decyzja"));
            browser.driver().findElement(By.id("decision")).sendKeys(Keys.SPACE);
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/decyzja'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Limit godzin: podaj limit godzin.");
            check("decision-errors");

            browser.driver().findElement(By.id("hoursLimit")).sendKeys("3,5");
            browser.driver().findElement(By.id("expert-" + expert)).sendKeys(Keys.SPACE);
            browser.driver().findElement(By.id("hoursLimit")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo/" + id + "$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Wniosek został przyjęty.")
                    .contains("Decyzja i eksperci")
                    .contains("3,5 godziny");
            check("case");

            browser.driver().findElement(By.linkText("Przydziel ekspertów")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/eksperci$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Eksperci już przydzieleni")
                    .contains("otwart");
            check("chooser");

            browser.open(url("/doradztwo/eksperci"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Eksperci i ich obciążenie");
            check("experts");

            browser.open(url("/doradztwo/eksperci/" + expert));
            check("expert");

            browser.open(url("/doradztwo/tematy"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Finansowanie ekonomii społecznej");
            check("topics");
            browser.driver()
                    .findElement(By.linkText("Finansowanie ekonomii społecznej"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo/tematy/\\d+$"));
            check("topic");
        } finally {
            jdbc.sql("delete from advisory_request where id = :id")
                    .param("id", id)
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("advisory-assignment-" + name);
    }

    private void signIn(String email) throws Exception {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        browser.signInFully("http://localhost:" + port, email);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
