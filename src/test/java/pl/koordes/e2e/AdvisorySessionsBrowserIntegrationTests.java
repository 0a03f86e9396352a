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
 * Advisory sessions in a real browser: the expert opens a group case with sessions (one waiting for consent) and
 * tasks, sends the session form with bad hours and no summary (the error summary, the limit explained), then
 * records a session by keyboard; the case page says so. Every page is checked with axe-core at 1280 and at 375 px
 * and kept as a screenshot.
 */
@IntegrationTest
class AdvisorySessionsBrowserIntegrationTests {

    private static final String TITLE = "Sesje w przeglądarce";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theExpertReadsTheCaseAndRecordsASessionByKeyboard() throws Exception {
        long id = jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            hours_limit, requested_at, decided_at, updated_at)
                        values ((select id from region where slug = 'malopolskie'), (select min(id) from advisory_topic),
                            :title, 'Opis potrzeby.', 'GROUP', 'ONLINE', 'IN_PROGRESS', 6, now(), now(), now())
                        returning id
                        """).param("title", TITLE).query(Long.class).single();
        try {
            jdbc.sql("""
                            insert into advisory_assignment (request_id, account_id, assigned_at)
                            values (:r, (select id from account where email = :e), now());
                            insert into advisory_session (request_id, account_id, held_on, hours, mode, participants,
                                summary, recommendations, consent, created_at, updated_at)
                            values (:r, (select id from account where email = :e), current_date - 20, 4.5, 'IN_PERSON',
                                'Zespół ROPS', 'Warsztat o wskaźnikach.', 'Uzupełnić dane.', null, now(), now()),
                                (:r, (select id from account where email = :e), current_date - 5, 2.5, 'ONLINE',
                                '', 'Druga sesja ponad limit.', '', 'PENDING', now(), now());
                            insert into advisory_task (request_id, description, owner_name, due_on, created_at)
                            values (:r, 'Notatka po terminie', 'Zespół ROPS', current_date - 2, now()),
                                (:r, 'Plan na kwartał', 'Zespół ROPS', current_date + 20, now());
                            """).param("r", id).param("e", DemoAccounts.EXPERT).update();
            signIn(DemoAccounts.EXPERT);
            String base = "/doradztwo/" + id;
            browser.open(url(base));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Policzone godziny: 4,5 z 6 godzin.")
                    .contains("Czeka na zgodę operatora")
                    .contains("Po terminie")
                    .contains("Warsztat o wskaźnikach.");
            check("case");

            browser.driver().findElement(By.linkText("Zapisz sesję")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/sesje/nowa$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Zostało 1,5 godziny.");
            browser.driver().findElement(By.id("hours")).sendKeys("2,6");
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/sesje/nowa'] button[type=submit]:not([name])"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("dokładnością do kwadransa")
                    .contains("napisz podsumowanie sesji.");
            check("form-errors");

            // By keyboard: correct the hours, choose the format by typing, write the summary, send with Enter.
            browser.driver().findElement(By.id("hours")).clear();
            browser.driver().findElement(By.id("hours")).sendKeys("2");
            browser.driver().findElement(By.id("sessionMode")).sendKeys("Online");
            browser.driver().findElement(By.id("summary")).sendKeys("Sesja wpisana klawiaturą.");
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/sesje/nowa'] button[type=submit]:not([name])"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/doradztwo/\\d+(#sesje)?$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("czekają na zgodę operatora")
                    .contains("Sesja wpisana klawiaturą.");
        } finally {
            jdbc.sql("delete from advisory_request where title = :t")
                    .param("t", TITLE)
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("advisory-sessions-" + name);
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
