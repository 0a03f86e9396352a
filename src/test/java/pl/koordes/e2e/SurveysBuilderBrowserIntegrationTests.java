package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The survey builder in a real browser, as the demo editor: the header link to the list, a new survey, its
 * settings (sent wrong first: the error summary), the builder with a section, and a question built by
 * keyboard only (type chosen with the arrow keys, options typed in the text area, sent with Enter), then
 * moved with its button. Every page is checked with axe-core at 1280 and at 375 px and kept as a screenshot.
 * The survey is deleted at the end: the data are shared with other tests.
 */
@IntegrationTest
class SurveysBuilderBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEditorBuildsASurveyByKeyboard() {
        try {
            browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
            browser.open(url("/"));
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/ankiety/obsluga']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/ankiety/obsluga$"));
            assertThat(main())
                    .contains("Ocena webinarium (szkic)")
                    .contains("Potrzeby doradcze ekonomii społecznej 2026");
            check("list");

            browser.open(url("/ankiety/obsluga/nowa"));
            check("new");
            browser.driver().findElement(By.id("title")).sendKeys("Ankieta z przeglądarki");
            browser.driver().findElement(By.id("description")).sendKeys("Opis ankiety z przeglądarki.");
            browser.driver()
                    .findElement(By.cssSelector("form[action='/ankiety/obsluga/nowa'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/ankiety/obsluga/\\d+$"));
            String builderUrl = browser.driver().getCurrentUrl();
            assertThat(main()).contains("Utworzono ankietę").contains("Ankieta nie ma jeszcze sekcji");
            check("builder-empty");

            browser.driver().findElement(By.id("sectionTitle")).sendKeys("Pierwsze wrażenia");
            browser.driver().findElement(By.id("sectionTitle")).sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Dodano sekcję"));

            // The settings, wrong first: the summary names the fields and keeps what was typed.
            browser.open(builderUrl + "/ustawienia");
            check("settings");
            browser.driver().findElement(By.id("anonymous")).sendKeys(Keys.SPACE);
            assertThat(browser.driver().findElement(By.id("allowChanges")).isSelected())
                    .isTrue();
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/ustawienia'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("ankieta anonimowa nie pozwala zmieniać wysłanych odpowiedzi");
            check("settings-errors");

            // A question by keyboard only.
            browser.open(builderUrl);
            check("builder");
            WebElement add = browser.driver().findElement(By.cssSelector("main a[href*='/pytania/nowe']"));
            add.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlContains("/pytania/nowe"));
            check("question");
            WebElement type = browser.driver().findElement(By.id("type"));
            type.sendKeys(Keys.DOWN);
            assertThat(type.getDomProperty("value")).isEqualTo("MULTIPLE_CHOICE");
            type.sendKeys(Keys.TAB);
            browser.driver().switchTo().activeElement().sendKeys("Co było najbardziej przydatne?");
            browser.driver()
                    .findElement(By.id("choices"))
                    .sendKeys("Prezentacja", Keys.ENTER, "Dyskusja", Keys.ENTER, "Materiały");
            browser.driver().findElement(By.id("mandatory")).sendKeys(Keys.SPACE);
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/pytania/nowe'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Dodano pytanie"));
            assertThat(main())
                    .contains("Co było najbardziej przydatne? (wymagane)")
                    .contains("Wielokrotny wybór")
                    .contains("Dyskusja");

            // A second question with a condition on the first, then moved up: refused with the reason.
            browser.driver()
                    .findElement(By.cssSelector("main a[href*='/pytania/nowe']"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlContains("/pytania/nowe"));
            browser.driver().findElement(By.id("type")).sendKeys("Krótki tekst");
            browser.driver().findElement(By.id("questionText")).sendKeys("Co dodać?");
            browser.driver().findElement(By.id("conditionOption")).sendKeys("Dyskusja");
            check("question-condition");
            browser.driver().findElement(By.id("questionText")).sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Dodano pytanie"));
            assertThat(main()).contains("Widoczne, gdy w pytaniu „Co było najbardziej przydatne?” wybrano „Dyskusja”");
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/w-gore'] button"))
                    .sendKeys(Keys.ENTER);
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Nie przeniesiono"));
            check("builder-questions");

            browser.open(builderUrl + "/usun");
            check("delete");
        } finally {
            jdbc.sql("delete from surveys_survey where title = 'Ankieta z przeglądarki'")
                    .update();
        }
    }

    private String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    private void check(String name) {
        browser.checkAccessible("surveys-builder-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("surveys-builder-" + name + "-375");
            Reflow.assertNoHorizontalOverflow(browser, "surveys-builder-" + name);
        } finally {
            browser.resetViewport();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
