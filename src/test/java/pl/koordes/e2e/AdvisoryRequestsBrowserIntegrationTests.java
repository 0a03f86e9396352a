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
 * Advisory requests in a real browser: małopolskie's coordinator follows the header link to the list (the demo
 * cases, counts per status), sends the request form empty (the error summary), fills it by keyboard (the kind
 * and the form of meetings are radio buttons) and lands on the case's page; then rates a completed case by
 * keyboard. Every page is checked with axe-core at 1280 and at 375 px and kept as a screenshot.
 */
@IntegrationTest
class AdvisoryRequestsBrowserIntegrationTests {

    private static final String TITLE = "Wniosek z przeglądarki";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoordinatorRequestsAdviceAndRatesACaseByKeyboard() throws Exception {
        long completed = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            hours_limit, final_recommendation, requested_at, completed_at, updated_at)
                        values ((select id from region where slug = 'malopolskie'), (select min(id) from advisory_topic),
                            :title, 'Opis', 'GROUP', 'ONLINE', 'COMPLETED', 8, 'Rekomendacja', now(), now(), now())
                        returning id
                        """)
                .param("title", TITLE + ": do oceny")
                .query(Long.class)
                .single();
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/doradztwo']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Sprawy doradcze")
                    .contains("Sprawy według stanu")
                    .contains("Wskaźniki programu po zmianie źródeł danych");
            check("list");

            browser.driver().findElement(By.linkText("Poproś o doradztwo")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo/nowy$"));
            browser.driver()
                    .findElement(By.cssSelector("form[action='/doradztwo/nowy'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Temat: wybierz temat.")
                    .contains("Tytuł: wpisz tytuł.")
                    .contains("Opisz potrzebę.");
            check("form-errors");

            // By keyboard: choose the topic by typing, type the texts, arrow to "group" and "in person", Enter.
            browser.driver().findElement(By.id("topicId")).sendKeys("Klauzule");
            browser.driver().findElement(By.id("title")).sendKeys(TITLE);
            browser.driver().findElement(By.id("description")).sendKeys("Opis potrzeby wpisany klawiaturą.");
            browser.driver().findElement(By.id("kind")).sendKeys(Keys.ARROW_RIGHT);
            browser.driver().findElement(By.id("mode")).sendKeys(Keys.SPACE);
            browser.driver().findElement(By.id("preferredDates")).sendKeys("Czwartki po południu");
            browser.driver()
                    .findElement(By.cssSelector("form[action='/doradztwo/nowy'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo/\\d+$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Wniosek złożono.")
                    .contains(TITLE)
                    .contains("Klauzule społeczne w zamówieniach")
                    .contains("Doradztwo grupowe")
                    .contains("Czwartki po południu")
                    .contains("Złożone");
            check("case");

            browser.open(url("/doradztwo/" + completed));
            browser.driver().findElement(By.id("rating-4")).sendKeys(Keys.SPACE);
            browser.driver().findElement(By.id("ratingComment")).sendKeys("Pomocne wskazówki.");
            browser.driver()
                    .findElement(
                            By.cssSelector("form[action='/doradztwo/" + completed + "/ocena'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Ocena: 4 z 5"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Pomocne wskazówki.");
            check("rated");
        } finally {
            jdbc.sql("delete from advisory_request where title like :t")
                    .param("t", TITLE + "%")
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("advisory-requests-" + name);
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
