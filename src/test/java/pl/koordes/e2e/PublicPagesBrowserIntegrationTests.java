package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.directory.Directory;
import pl.koordes.support.IntegrationTest;

/**
 * Every public page in a real browser: no WCAG 2.1 AA violation found by axe-core, the right
 * language declared, a full-page screenshot for people to look at, and no sideways scrolling on a
 * 320 px wide phone (WCAG 1.4.10 Reflow).
 */
@IntegrationTest
class PublicPagesBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    /** A page to check: its screenshot name, address, declared language and HTTP status. */
    record PublicPage(String name, String path, String lang, int status) {}

    @TestFactory
    Stream<DynamicTest> everyPublicPageIsAccessible() {
        return publicPages().stream().map(page -> dynamicTest(page.name() + " " + page.path(), () -> check(page)));
    }

    /**
     * The checker itself still finds faults, with every detail, now that it reports violations only: a page with
     * an image without a text alternative and a field without a label fails, and names both elements.
     */
    @Test
    void theAccessibilityCheckerFindsFaults() {
        browser.forgetCookies();
        browser.open(
                "data:text/html;charset=utf-8,<!doctype html><html lang=pl><head><title>Próba</title></head>"
                        + "<body><main><h1>Próba</h1><img src=a.png id=no-alt><input type=text id=no-label></main></body></html>");
        List<String> violations = Accessibility.violations(browser.driver());
        assertThat(violations)
                .anySatisfy(line -> assertThat(line).startsWith("image-alt").contains("#no-alt"));
        assertThat(violations)
                .anySatisfy(line -> assertThat(line).startsWith("label").contains("#no-label"));
    }

    @TestFactory
    Stream<DynamicTest> pagesReflowAt320CssPixels() {
        String region = directory.regions().getFirst().href();
        return Stream.of(
                        new PublicPage("home", "/", "pl", 200),
                        new PublicPage("regions", "/regiony", "pl", 200),
                        new PublicPage("region", region, "pl", 200),
                        new PublicPage("articles", "/aktualnosci", "pl", 200),
                        new PublicPage("article", "/aktualnosci/ekonomia-spoleczna-w-uslugach-opiekunczych", "pl", 200),
                        new PublicPage("partners", "/patronaty", "pl", 200),
                        new PublicPage("privacy", "/prywatnosc", "pl", 200),
                        new PublicPage("events", "/wydarzenia", "pl", 200))
                .map(page -> dynamicTest(page.name() + " " + page.path() + " at 320 px", () -> checkNarrow(page)));
    }

    private List<PublicPage> publicPages() {
        List<PublicPage> pages = new ArrayList<>();
        pages.add(new PublicPage("home", "/", "pl", 200));
        pages.add(new PublicPage("regions", "/regiony", "pl", 200));
        directory
                .regions()
                .forEach(region -> pages.add(new PublicPage("region-" + region.slug(), region.href(), "pl", 200)));
        directory
                .macroregions()
                .forEach(macroregion -> pages.add(new PublicPage(
                        "macroregion-" + macroregion.slug(), "/makroregiony/" + macroregion.slug(), "pl", 200)));
        pages.add(new PublicPage("not-found", "/nie-ma-takiej-strony", "pl", 404));
        pages.add(new PublicPage("home-en", "/?lang=en", "en", 200));
        pages.add(new PublicPage("region-malopolskie-en", "/regiony/malopolskie?lang=en", "en", 200));
        return pages;
    }

    private void check(PublicPage page) {
        browser.forgetCookies();
        browser.resetViewport();
        browser.open(url(page.path()));

        assertThat(browser.status()).as("HTTP status of %s", page.path()).isEqualTo(page.status());
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                .as("<html lang> of %s", page.path())
                .isEqualTo(page.lang());
        // Taken before the accessibility check so a failing page can still be looked at.
        browser.fullPageScreenshot(page.name());
        assertThat(Accessibility.violations(browser.driver()))
                .as("axe-core WCAG 2.1 A/AA violations on %s", page.path())
                .isEmpty();
    }

    private void checkNarrow(PublicPage page) {
        browser.forgetCookies();
        browser.emulateViewportWidth(320);
        try {
            browser.open(url(page.path()));
            assertThat(browser.js().executeScript("return window.innerWidth"))
                    .as("emulated viewport width")
                    .isEqualTo(320L);
            browser.fullPageScreenshot(page.name() + "-320");
            @SuppressWarnings("unchecked")
            Map<String, Object> layout = (Map<String, Object>) browser.js().executeScript("""
                    const scrollsItself = e => {
                      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible') return true;
                      }
                      return false;
                    };
                    const past = [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                        .filter(e => !scrollsItself(e))
                        .map(e => e.outerHTML.slice(0, 80));
                    return {scrollWidth: document.documentElement.scrollWidth,
                            clientWidth: document.documentElement.clientWidth, past: past.slice(0, 5)};
                    """);
            // Compared with the width inside the scroll bar, not window.innerWidth which includes it, so
            // content that slips under the bar is caught; the elements past the edge say what to fix.
            assertThat(((Number) layout.get("scrollWidth")).longValue())
                    .as(
                            "document scrollWidth at 320 px on %s; elements past the right edge: %s",
                            page.path(), layout.get("past"))
                    .isLessThanOrEqualTo(((Number) layout.get("clientWidth")).longValue());
        } finally {
            browser.resetViewport();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
