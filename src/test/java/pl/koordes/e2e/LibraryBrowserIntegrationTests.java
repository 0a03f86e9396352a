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
 * The library in a real browser, by keyboard: a visitor filters the list and opens a document; the coordinator of
 * małopolskie sends the form without a title (the error summary says so), adds an internal document with a link,
 * sees who may read it, edits it and deletes it after the question. Every page is checked with axe-core at 1280
 * and at 375 px and kept as a screenshot.
 */
@IntegrationTest
class LibraryBrowserIntegrationTests {

    private static final String TITLE = "Biblioteka w przeglądarce";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorFiltersAndACoordinatorAddsEditsAndDeletes() throws Exception {
        try {
            browser.open(url("/biblioteka"));
            check("list");
            browser.driver().findElement(By.id("rodzaj")).sendKeys("Raport");
            browser.driver().findElement(By.id("q")).sendKeys("Małopolsce", Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlContains("rodzaj=REPORT"));
            assertThat(browser.mainText()).contains("Stan ekonomii społecznej w Małopolsce");
            check("list-filtered");
            browser.driver()
                    .findElement(By.partialLinkText("Stan ekonomii społecznej w Małopolsce"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/biblioteka/\\d+$"));
            assertThat(browser.mainText()).contains("Dokument publiczny").contains("Odwołują się do niego");
            check("document");

            signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
            browser.open(url("/biblioteka"));
            browser.driver().findElement(By.linkText("Dodaj dokument")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/biblioteka/nowy$"));
            check("form");
            browser.driver().findElement(By.id("kind")).sendKeys("Dobra praktyka");
            submit();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Tytuł: wpisz tytuł.");
            check("form-errors");
            browser.driver().findElement(By.id("title")).sendKeys(TITLE);
            browser.driver().findElement(By.id("description")).sendKeys("Krótki opis **praktyki** z regionu.");
            browser.driver().findElement(By.id("tags")).sendKeys("próba, przeglądarka");
            browser.driver().findElement(By.id("externalUrl")).sendKeys("https://example.org/praktyka");
            WebElement internal =
                    browser.driver().findElement(By.cssSelector("input[name=publicDocument][value=false]"));
            internal.sendKeys(Keys.SPACE);
            browser.driver()
                    .findElement(By.cssSelector("input[name=readerRoles][value=COMMITTEE_MEMBER]"))
                    .sendKeys(Keys.SPACE);
            submit();
            browser.waiting().until(ExpectedConditions.urlMatches("/biblioteka/\\d+$"));
            assertThat(browser.mainText())
                    .contains(TITLE)
                    .contains("Dokument wewnętrzny.")
                    .contains("koordynatorzy regionalni z województwa: małopolskie")
                    .contains("Członek RKRES");
            check("document-internal");

            browser.driver().findElement(By.linkText("Edytuj")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/edycja$"));
            check("edit");
            WebElement title = browser.driver().findElement(By.id("title"));
            title.sendKeys(Keys.END, " poprawiona");
            submit();
            browser.waiting().until(ExpectedConditions.urlMatches("/biblioteka/\\d+$"));
            assertThat(browser.mainText()).contains(TITLE + " poprawiona").contains("Zmiany zostały zapisane.");

            browser.driver().findElement(By.linkText("Usuń dokument")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/usun$"));
            check("delete-question");
            browser.driver()
                    .findElement(By.cssSelector("main form button.danger"))
                    .sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/biblioteka$"));
            assertThat(browser.mainText()).contains("Dokument został usunięty z biblioteki.");
        } finally {
            jdbc.sql("delete from library_document where title like :t")
                    .param("t", TITLE + "%")
                    .update();
        }
    }

    private void submit() {
        browser.driver()
                .findElement(By.cssSelector("main form.form button[type=submit]"))
                .sendKeys(Keys.ENTER);
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("library-" + name);
    }

    private void signIn(String email) throws Exception {
        browser.signInAgain(jdbc, "http://localhost:" + port, email);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
