package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * Resolutions and minutes in a real browser, by keyboard: the secretary sends a vote counting more than those
 * present (the error summary says so), then adds the resolution with three members present; writes the minutes of
 * a held meeting, revises them (the changes shown), sends them for remarks; a member remarks; the secretary adopts
 * them after the question. Every page is checked with axe-core at 1280 and at 375 px and kept as a screenshot.
 */
@IntegrationTest
class CommitteeResolutionsBrowserIntegrationTests {

    private static final String TITLE = "Uchwały w przeglądarce";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretaryAddsAResolutionAndTheMinutesGoThroughRemarksToAdoption() throws Exception {
        long meeting = jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, status)
                        select c.id, c.region_id, :t, now() - interval '2 days', now() - interval '2 days' + interval '2 hours',
                            'HELD' from committee c join region r on r.id = c.region_id where r.slug = 'malopolskie'
                        order by (current_date between c.term_start and c.term_end) desc, c.term_start desc limit 1
                        returning id
                        """).param("t", TITLE).query(Long.class).single();
        try {
            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.open(url("/komitet/malopolskie/uchwaly"));
            check("list");
            browser.driver()
                    .findElement(By.linkText("Dodaj uchwałę lub opinię"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/uchwaly/nowa$"));
            check("form");
            browser.driver().findElement(By.id("kind")).sendKeys("Uchwała");
            browser.driver().findElement(By.id("title")).sendKeys(TITLE + " w sprawie planu");
            browser.driver().findElement(By.id("body")).sendKeys("Komitet przyjmuje plan działań.");
            browser.driver().findElement(By.id("meetingId")).sendKeys(TITLE);
            type("votesFor", "2");
            type("votesAgainst", "0");
            type("votesAbstaining", "1");
            List<WebElement> members = browser.driver().findElements(By.name("presentIds"));
            members.getFirst().sendKeys(Keys.SPACE);
            submit("form[action$='/uchwaly/nowa']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("więcej niż obecnych członków");
            check("form-errors");
            members = browser.driver().findElements(By.name("presentIds"));
            members.get(1).sendKeys(Keys.SPACE);
            members.get(2).sendKeys(Keys.SPACE);
            submit("form[action$='/uchwaly/nowa']");
            browser.waiting().until(ExpectedConditions.urlMatches("/uchwaly/\\d+$"));
            assertThat(main())
                    .contains("Uchwała nr")
                    .contains("za: 2, przeciw: 0, wstrzymało się: 1")
                    .contains(TITLE);
            check("detail");

            String minutes = "/komitet/malopolskie/posiedzenia/" + meeting + "/protokol";
            browser.open(url(minutes));
            check("minutes-empty");
            browser.driver().findElement(By.id("body")).sendKeys("Otwarcie posiedzenia.\nPrzyjęto plan.");
            submit("form[action$='/protokol']");
            browser.waiting().until(ExpectedConditions.urlMatches("/wersje/1$"));
            browser.open(url(minutes));
            WebElement body = browser.driver().findElement(By.id("body"));
            body.sendKeys(Keys.END, "\nZamknięcie posiedzenia.");
            browser.driver().findElement(By.id("note")).sendKeys("dopisano zamknięcie");
            submit("form[action$='/protokol']");
            browser.waiting().until(ExpectedConditions.urlMatches("/wersje/2$"));
            assertThat(main()).contains("Zmiany względem wersji 1").contains("Zamknięcie posiedzenia.");
            check("version");
            browser.open(url(minutes));
            submit("form[action$='/protokol/wyslij']");
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice.success")));
            assertThat(main()).contains("Przekazano protokół członkom do uwag");
            check("minutes-review");

            signIn(DemoAccounts.COMMITTEE_MALOPOLSKIE);
            browser.open(url(minutes));
            assertThat(main()).contains("Zamknięcie posiedzenia.");
            browser.driver().findElement(By.id("body")).sendKeys("Proszę dopisać godzinę zamknięcia.");
            submit("form[action$='/protokol/uwagi']");
            browser.waiting().until(ExpectedConditions.urlMatches("#uwagi$"));
            assertThat(main()).contains("Proszę dopisać godzinę zamknięcia.");
            check("minutes-member");

            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.open(url(minutes));
            browser.driver().findElement(By.linkText("Przyjmij protokół")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/przyjmij$"));
            check("adopt-question");
            browser.driver()
                    .findElement(By.cssSelector("main form button.danger"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/protokol$"));
            assertThat(main()).contains("Protokół przyjęty").contains("Przyjęty");
            check("minutes-adopted");
        } finally {
            jdbc.sql("delete from committee_resolution where title like :t")
                    .param("t", TITLE + "%")
                    .update();
            jdbc.sql("delete from committee_meeting where title = :t")
                    .param("t", TITLE)
                    .update();
        }
    }

    private void type(String id, String value) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private void submit(String form) {
        browser.driver()
                .findElement(By.cssSelector(form + " button[type=submit]:not([name])"))
                .sendKeys(Keys.ENTER);
    }

    private String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("committee-resolutions-" + name);
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
