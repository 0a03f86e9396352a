package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * A survey's results in a real browser: the demo's closed survey (public results) plain, filtered and compared,
 * its typed answers searched, and the open anonymous survey as the operator sees it pass axe at 1280 and 375 px
 * without sideways scrolling (a screenshot of each: the charts must read on a phone), and the filter form is used
 * with the keyboard alone.
 */
@IntegrationTest
class SurveysResultsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long survey(String title) {
        return jdbc.sql("select id from surveys_survey where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    @TestFactory
    Stream<DynamicTest> theResultsAreAccessibleAt1280And375Pixels() {
        long closed = survey("Potrzeby doradcze ekonomii społecznej 2026");
        long text = jdbc.sql("""
                        select min(id) from surveys_question
                        where survey_id = :s and type in ('SHORT_TEXT', 'LONG_TEXT')""").param("s", closed).query(Long.class).single();
        List<String[]> pages = List.of(
                new String[] {"surveys-results", "/ankiety/" + closed + "/wyniki"},
                new String[] {"surveys-results-compared", "/ankiety/" + closed + "/wyniki?porownaj=wojewodztwa"},
                new String[] {
                    "surveys-results-kinds", "/ankiety/" + closed + "/wyniki?porownaj=rodzaje&wojewodztwo=malopolskie"
                },
                new String[] {"surveys-results-texts", "/ankiety/" + closed + "/wyniki/teksty?pytanie=" + text},
                new String[] {
                    "surveys-results-texts-search",
                    "/ankiety/" + closed + "/wyniki/teksty?pytanie=" + text + "&q=szkolen"
                },
                new String[] {"surveys-results-en", "/ankiety/" + closed + "/wyniki?lang=en"});
        return pages.stream()
                .map(page -> dynamicTest(page[1], () -> {
                    browser.forgetCookies();
                    check(page[0], page[1]);
                }));
    }

    @Test
    void theOperatorSeesTheOpenAnonymousSurveysResults() {
        long open = survey("Potrzeby szkoleniowe na 2027 rok");
        browser.forgetCookies();
        browser.resetViewport();
        browser.signIn("http://localhost:" + port + "/logowanie", DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        check("surveys-results-open-operator", "/ankiety/" + open + "/wyniki");
        assertThat(browser.driver().findElement(By.id("answers-count")).getText())
                .endsWith("odpowiedzi");
        browser.forgetCookies();
    }

    private void check(String name, String path) {
        browser.resetViewport();
        browser.open("http://localhost:" + port + path);
        assertThat(browser.status()).as(path).isEqualTo(200);
        browser.checkAccessible(name);
        browser.emulateViewportWidth(Reflow.PHONE);
        browser.open("http://localhost:" + port + path);
        browser.checkAccessible(name + "-375");
        Reflow.assertNoHorizontalOverflow(browser, path);
        browser.resetViewport();
    }

    @Test
    void theFilterFormWorksWithTheKeyboardAlone() {
        long closed = survey("Potrzeby doradcze ekonomii społecznej 2026");
        browser.forgetCookies();
        browser.resetViewport();
        browser.open("http://localhost:" + port + "/ankiety/" + closed + "/wyniki");
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 80 && !"f-wojewodztwo".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).isEqualTo("f-wojewodztwo");
        // The first region after "Wszystkie województwa".
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        Object region = browser.js().executeScript("return document.activeElement.value");
        assertThat(region).isNotNull().isNotEqualTo("");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("f-rodzaj");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(activeId()).isEqualTo("f-porownaj");
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.js().executeScript("return document.activeElement.type"))
                .isEqualTo("submit");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> d.getCurrentUrl().contains("wojewodztwo=" + region));
        assertThat(browser.driver().getCurrentUrl()).contains("porownaj=wojewodztwa");
        assertThat(browser.driver().findElement(By.id("results-scope")).getText())
                .startsWith("Odpowiedzi z zakresu");
        assertThat(browser.driver().findElements(By.cssSelector("table.survey-comparison")))
                .isNotEmpty();
        browser.fullPageScreenshot("surveys-results-keyboard");
    }

    private String activeId() {
        Object id = browser.js().executeScript("return document.activeElement && document.activeElement.id");
        return id == null ? "" : id.toString();
    }
}
