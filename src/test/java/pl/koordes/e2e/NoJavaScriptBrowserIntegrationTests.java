package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Pages that work with JavaScript turned off: the regions' map and list are plain links, and the event
 * form's agenda rows are added and removed by submitting the form.
 */
@IntegrationTest
class NoJavaScriptBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withoutJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @BeforeEach
    void polish() {
        browser.forgetCookies();
    }

    @Test
    void theBrowserReallyRunsNoScripts() {
        // Without this a broken preference would let every other test here pass with scripts running.
        browser.open("data:text/html,<title>before</title><script>document.title='after'</script>");

        assertThat(browser.driver().getTitle()).isEqualTo("before");
    }

    @Test
    void theRegionsPageShowsTheMapAndTheListAndTheirLinksWork() {
        List<Region> regions = directory.regions();
        browser.open(url("/regiony"));

        List<WebElement> map = browser.driver().findElements(By.cssSelector("figure.poland-map svg a"));
        List<WebElement> list = browser.driver().findElements(By.cssSelector("ul.region-list a"));
        assertThat(map)
                .hasSize(regions.size())
                .allSatisfy(link -> assertThat(link.isDisplayed()).isTrue());
        assertThat(list)
                .hasSize(regions.size())
                .allSatisfy(link -> assertThat(link.isDisplayed()).isTrue());
        assertThat(list)
                .extracting(WebElement::getText)
                .containsExactlyElementsOf(regions.stream().map(Region::namePl).toList());

        Region first = regions.getFirst();
        list.getFirst().click();
        browser.waiting().until(ExpectedConditions.urlToBe(url(first.href())));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(first.namePl());
    }

    @Test
    void aRegionOnTheMapOpensItsPage() {
        Region last = directory.regions().getLast();
        browser.open(url("/regiony"));
        WebElement link =
                browser.driver().findElement(By.cssSelector("figure.poland-map svg a[href='" + last.href() + "']"));

        // Enter, not a click: a click lands on the middle of the link's box, which on an irregular
        // region's shape may belong to a neighbour.
        link.sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.urlToBe(url(last.href())));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(last.namePl());
    }

    @Test
    void anOrganiserAddsAndRemovesAgendaRowsWithoutScripts() {
        browser.open(url("/logowanie"));
        browser.driver().findElement(By.id("email")).sendKeys(DemoAccounts.EDITOR);
        browser.driver().findElement(By.id("password")).sendKeys(DemoAccounts.PASSWORD);
        browser.driver()
                .findElement(By.cssSelector("form[action='/logowanie'] button[type=submit]"))
                .click();
        browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));

        browser.open(url("/organizacja/wydarzenia/nowe"));
        browser.driver().findElement(By.id("agenda[0].title")).sendKeys("Powitanie");
        browser.driver()
                .findElement(By.cssSelector("button[name=akcja][value=dodaj-punkt]"))
                .click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("agenda[1].title")));
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary")))
                .isEmpty();
        assertThat(browser.driver().findElement(By.id("agenda[0].title")).getAttribute("value"))
                .isEqualTo("Powitanie");
        browser.driver().findElement(By.id("agenda[1].title")).sendKeys("Dyskusja");

        browser.driver()
                .findElement(By.cssSelector("button[name=akcja][value=usun-punkt-0]"))
                .click();
        browser.waiting()
                .until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("input[name^='agenda['][name$='].title']"), 1));
        assertThat(browser.driver().findElement(By.id("agenda[0].title")).getAttribute("value"))
                .isEqualTo("Dyskusja");
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary")))
                .isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
