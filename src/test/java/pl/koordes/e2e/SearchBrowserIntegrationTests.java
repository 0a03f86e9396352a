package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Search in a real browser, by keyboard: on an article list the header's box takes a query and Enter; the results
 * show the matched words marked; a year facet narrows them; the next page follows. Every page passes axe-core at
 * 1280 and at 375 px and is kept as a screenshot; then the same as a signed-in coordinator.
 */
@IntegrationTest
class SearchBrowserIntegrationTests {

    private static final String SOURCE = "browser-test";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from search_entry where source = :s")
                .param("s", SOURCE)
                .update();
    }

    @Test
    void theHeaderBoxLeadsToMarkedResultsAFacetAndTheNextPage() throws Exception {
        for (int i = 1; i <= 30; i++) {
            index.put(new SearchEntry(
                    SOURCE,
                    String.valueOf(i),
                    "article",
                    null,
                    i <= 24 ? 2025 : 2024,
                    "Pasieka społeczna nr " + i,
                    "Pasieki społeczne zatrudniają osoby wychodzące z bezdomności; miód sprzedają w gminach.",
                    "/aktualnosci",
                    Set.of(SearchAudience.PUBLIC)));
        }
        browser.open(url("/aktualnosci"));
        WebElement box = browser.driver().findElement(By.id("site-search-q"));
        assertThat(box.getAccessibleName()).isEqualTo("Szukaj w serwisie");
        box.sendKeys("pasieki");
        box.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/szukaj?q=pasieki"));
        assertThat(browser.mainText()).contains("Znaleziono 30 wyników");
        List<WebElement> marks = browser.driver().findElements(By.cssSelector(".search-excerpt mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks.getFirst().getText()).isEqualTo("Pasieki");
        check("results");

        follow("2024");
        browser.waiting().until(ExpectedConditions.urlContains("rok=2024"));
        assertThat(browser.mainText()).contains("Znaleziono 6 wyników");
        check("facet");

        follow("Usuń wszystkie filtry");
        browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("rok=")));
        WebElement next = browser.driver().findElement(By.cssSelector(".search-results a[rel=next]"));
        next.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("strona=2"));
        assertThat(browser.driver().findElements(By.cssSelector(".search-hits > li")))
                .hasSize(10);
        check("page-2");

        WebElement pageBox = browser.driver().findElement(By.id("search-page-q"));
        pageBox.clear();
        pageBox.sendKeys("& | ! \"");
        pageBox.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "nie ma słów"));
        check("no-words");

        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .update();
        browser.signInFully("http://localhost:" + port, DemoAccounts.COORDINATOR_MALOPOLSKIE);
        browser.open(url("/konto"));
        box = browser.driver().findElement(By.id("site-search-q"));
        box.sendKeys("uchwała komitetu");
        box.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/szukaj?q="));
        check("signed-in");
    }

    /** Focuses the link by its text and follows it with Enter, as a keyboard user does. */
    private void follow(String text) {
        WebElement link = browser.driver().findElements(By.cssSelector("#main a")).stream()
                .filter(a -> a.getText().startsWith(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link " + text));
        link.sendKeys(Keys.ENTER);
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("search-" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
