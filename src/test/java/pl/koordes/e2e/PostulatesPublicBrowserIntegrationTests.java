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
import pl.koordes.support.IntegrationTest;

/**
 * The public accountability pages of postulates in a real browser: the list with filters, the statistics
 * with its chart, the open data page and a postulate's timeline pass axe at 1280 and 375 px (a screenshot of
 * each), and the filter form is used with the keyboard alone.
 */
@IntegrationTest
class PostulatesPublicBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> thePublicPagesAreAccessibleAt1280And375Pixels() {
        long overdue = jdbc.sql("""
                        select min(p.id) from postulates_postulate p
                        where p.status = 'FORWARDED' and p.answer_due < current_date
                          and exists (select 1 from postulates_step s where s.postulate_id = p.id and s.kind = 'MERGED_IN')""").query(Long.class).single();
        long corrected = jdbc.sql("""
                        select min(postulate_id) from postulates_step where kind = 'ANSWER_CORRECTED'""").query(Long.class).single();
        List<String[]> pages = List.of(
                new String[] {"postulates-list", "/postulaty"},
                new String[] {"postulates-list-filtered", "/postulaty?status=czeka-na-odpowiedz&wojewodztwo=malopolskie"
                },
                new String[] {"postulates-statistics", "/postulaty/statystyki"},
                new String[] {"postulates-open-data", "/postulaty/dane"},
                new String[] {"postulates-timeline-overdue", "/postulaty/" + overdue},
                new String[] {"postulates-timeline-corrected", "/postulaty/" + corrected},
                new String[] {"postulates-list-en", "/postulaty?lang=en"});
        return pages.stream()
                .map(page -> dynamicTest(page[1], () -> {
                    browser.forgetCookies();
                    browser.resetViewport();
                    browser.open("http://localhost:" + port + page[1]);
                    assertThat(browser.status()).as(page[1]).isEqualTo(200);
                    browser.checkAccessible(page[0]);
                    browser.emulateViewportWidth(Reflow.PHONE);
                    browser.open("http://localhost:" + port + page[1]);
                    browser.checkAccessible(page[0] + "-375");
                    Reflow.assertNoHorizontalOverflow(browser, page[1]);
                    browser.resetViewport();
                }));
    }

    @Test
    void theTimelineListsEveryStepDatedAndHowLongItHasWaited() {
        long overdue = jdbc.sql("""
                        select min(p.id) from postulates_postulate p
                        where p.status = 'FORWARDED' and p.answer_due < current_date""").query(Long.class).single();
        browser.forgetCookies();
        browser.open("http://localhost:" + port + "/postulaty/" + overdue);
        String timeline = browser.driver()
                .findElement(By.cssSelector(".postulate-timeline"))
                .getText();
        assertThat(timeline)
                .contains("Przebieg")
                .contains("Złożenie postulatu przez województwo")
                .contains("Przekazanie adresatowi")
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}")
                .containsPattern("Po terminie od \\d+ dni");
        assertThat(browser.driver().findElements(By.cssSelector(".postulate-timeline ol > li time[datetime]")))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theFilterFormWorksWithTheKeyboardAlone() {
        browser.forgetCookies();
        browser.resetViewport();
        browser.open("http://localhost:" + port + "/postulaty");
        Actions keys = new Actions(browser.driver());
        // Tab from the start of the page to the status select.
        for (int i = 0; i < 80 && !"f-status".equals(activeId()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeId()).isEqualTo("f-status");
        // The first choice after "Wszystkie": waiting for an answer.
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        assertThat(browser.js().executeScript("return document.activeElement.value"))
                .isEqualTo("czeka-na-odpowiedz");
        for (int i = 0; i < 10 && !"submit".equals(activeType()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(activeType()).isEqualTo("submit");
        keys.sendKeys(Keys.ENTER).perform();
        browser.waiting().until(d -> d.getCurrentUrl().contains("status=czeka-na-odpowiedz"));
        assertThat(browser.driver().findElement(By.id("results-count")).getText())
                .startsWith("Znaleziono ");
        browser.fullPageScreenshot("postulates-list-keyboard");
    }

    private String activeId() {
        Object id = browser.js().executeScript("return document.activeElement && document.activeElement.id");
        return id == null ? "" : id.toString();
    }

    private String activeType() {
        Object type = browser.js().executeScript("return document.activeElement && document.activeElement.type");
        return type == null ? "" : type.toString();
    }
}
