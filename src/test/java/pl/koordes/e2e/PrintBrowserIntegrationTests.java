package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;

/**
 * Pages as they print: Chromium emulates print media, and what a printout should hold (an event's title,
 * facts and agenda; a region's committee list) is displayed while the screen-only parts (the registration
 * box, navigation, menus, the footer) are not.
 */
@IntegrationTest
class PrintBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToTheScreen() {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Test
    void anEventPrintsItsTitleFactsAndAgendaWithoutTheRegistrationBoxAndFooter() {
        long event = jdbc.sql("""
                        select min(id) from event where status = 'PUBLISHED' and starts_at > now() and agenda <> ''
                        """).query(Long.class).single();
        browser.forgetCookies();
        browser.open(url("/wydarzenia/" + event));
        assertThat(displayed(".registration-box"))
                .as("registration box on screen")
                .isTrue();

        print();
        assertThat(displayed("h1")).as("title").isTrue();
        assertThat(displayed("dl.facts")).as("date and place").isTrue();
        assertThat(displayed("section.agenda table")).as("agenda").isTrue();
        assertThat(displayed(".registration-box")).as("registration box").isFalse();
        assertThat(displayed(".site-footer")).as("footer").isFalse();
        assertThat(displayed(".site-nav")).as("navigation").isFalse();
        assertThat(displayed(".breadcrumbs")).as("breadcrumbs").isFalse();
        assertThat(displayed(".header-tools")).as("language switch and sign-in").isFalse();
        browser.fullPageScreenshot("print-event");
    }

    @Test
    void aRegionsCommitteeListPrintsWithoutNavigationAndFooter() {
        browser.forgetCookies();
        browser.open(url("/regiony/malopolskie"));
        print();
        assertThat(displayed("#committee-heading")).as("committee heading").isTrue();
        assertThat(browser.driver()
                        .findElements(By.cssSelector("section[aria-labelledby=committee-heading] tbody tr"))
                        .getFirst()
                        .isDisplayed())
                .as("committee members")
                .isTrue();
        assertThat(displayed(".site-footer")).as("footer").isFalse();
        assertThat(displayed(".site-nav")).as("navigation").isFalse();
        browser.fullPageScreenshot("print-committee");
    }

    private void print() {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.js().executeScript("return matchMedia('print').matches"))
                .as("print media emulated")
                .isEqualTo(true);
    }

    private boolean displayed(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).isDisplayed();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
