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
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;

/**
 * The public monitoring analysis pages in a real browser: no axe-core violation at 1280 and 375 px (with a
 * screenshot of each), and the map's form working without JavaScript semantics of its own (a plain GET).
 */
@IntegrationTest
class MonitoringAnalysisBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    private static final List<String[]> PAGES = List.of(
            new String[] {"monitoring-dashboard", "/monitoring"},
            new String[] {"monitoring-kpres-indicator", "/monitoring/kpres/wskazniki/W7"},
            new String[] {"monitoring-regional-indicator", "/monitoring/regiony/malopolskie/wskazniki/R1"},
            new String[] {"monitoring-matrix", "/monitoring/spojnosc"},
            new String[] {"monitoring-map", "/monitoring/mapa?wskaznik=W7&rok=2024"},
            new String[] {"monitoring-comparison", "/monitoring/porownanie?wskaznik=W4&rok=2023"},
            new String[] {"monitoring-dashboard-en", "/monitoring?lang=en"});

    @TestFactory
    Stream<DynamicTest> everyAnalysisPageIsAccessibleAt1280And375Pixels() {
        return PAGES.stream()
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
    void theMapsFormChoosesAnIndicatorAndAYearWithAPlainGet() {
        browser.forgetCookies();
        browser.resetViewport();
        browser.open("http://localhost:" + port + "/monitoring/mapa");
        new Select(browser.driver().findElement(By.id("wskaznik"))).selectByValue("W4");
        browser.driver().findElement(By.cssSelector(".analysis-choice button")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("wskaznik=W4"));
        new Select(browser.driver().findElement(By.id("rok"))).selectByValue("2022");
        browser.driver().findElement(By.cssSelector(".analysis-choice button")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("rok=2022"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("W4")
                .contains("2022");
    }
}
