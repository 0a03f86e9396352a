package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The operator's invitations page in a real browser: the page and the question before sending, checked with
 * axe-core at 1280 and 375 px and kept as screenshots; the reminder is sent by keyboard alone (Tab to the
 * link, Enter, Tab to the button, Enter) and the page says to how many people it went. A survey of its own,
 * removed afterwards, as the application is shared.
 */
@IntegrationTest
class SurveysInvitationsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long survey;

    @AfterEach
    void removeSurvey() {
        jdbc.sql("delete from surveys_survey where id = :id")
                .param("id", survey)
                .update();
    }

    @Test
    void theOperatorSendsAReminderByKeyboardOnEveryWidth() throws Exception {
        Instant now = Instant.now();
        survey = jdbc.sql("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            audience_roles, audience_regions, audience_link, link_token, created_at, updated_at, published_at)
                        values (:title, 'Zbieramy potrzeby doradcze.', true, :opens, :closes, 'INSTITUTION',
                            '{REGIONAL_COORDINATOR,CENTRAL_INSTITUTION}', '{}', false, :token, now(), now(), now())
                        returning id""")
                .param("title", "Potrzeby doradcze regionów (próba zaproszeń)")
                .param("opens", Timestamp.from(now.minus(2, ChronoUnit.DAYS)))
                .param("closes", Timestamp.from(now.plus(12, ChronoUnit.DAYS)))
                .param("token", UUID.randomUUID().toString().replace("-", ""))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into surveys_response (survey_id, institution_id, region_id, status, submitted_on,
                            submitted_at, created_at, updated_at)
                        select :survey, min(i.id), r.id, 'SUBMITTED', current_date, now(), now(), now()
                        from institution i join region r on r.id = i.region_id
                        where i.kind = 'ROPS' and r.slug = 'malopolskie' group by r.id""").param("survey", survey).update();

        signIn(DemoAccounts.EDITOR);
        String page = "/ankiety/obsluga/" + survey + "/zaproszenia";
        browser.open(url(page));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Zaproszenia i przypomnienia");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Odpowiedzi według regionów")
                .contains("małopolskie");
        checkBothWidths("page");

        Actions keys = new Actions(browser.driver());
        String reminder = page + "/przypomnij";
        for (int i = 0; i < 120 && !reminder.equals(activeHref()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeHref()).isEqualTo(reminder);
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlMatches("/przypomnij$"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Wysłać przypomnienie o ankiecie?");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Potrzeby doradcze regionów (próba zaproszeń)")
                .contains("przypomnienie e-mailem i powiadomienie w serwisie");
        checkBothWidths("confirm");

        // Past the header's own buttons to the question's.
        for (int i = 0; i < 120 && !"Wyślij przypomnienie".equals(activeText()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeType()).isEqualTo("submit");
        assertThat(activeText()).isEqualTo("Wyślij przypomnienie");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlMatches("/zaproszenia$"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".notice.success"))
                        .getText())
                .startsWith("Przypomnienie wysłano do ");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Przypomnienie wysłano już dzisiaj");
        checkBothWidths("sent");
    }

    private String activeHref() {
        Object href = browser.js()
                .executeScript("return document.activeElement && document.activeElement.getAttribute('href')");
        return href == null ? "" : href.toString();
    }

    private String activeText() {
        Object text = browser.js().executeScript("return document.activeElement && document.activeElement.textContent");
        return text == null ? "" : text.toString().strip();
    }

    private String activeType() {
        Object type = browser.js().executeScript("return document.activeElement && document.activeElement.type");
        return type == null ? "" : type.toString();
    }

    private void checkBothWidths(String name) {
        browser.checkAccessible("surveys-invitations-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("surveys-invitations-" + name + "-375");
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
