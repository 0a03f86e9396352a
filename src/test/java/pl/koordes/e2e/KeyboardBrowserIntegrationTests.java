package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.support.IntegrationTest;

/**
 * The home page used with the keyboard alone: the skip link comes first and works, Tab reaches the
 * navigation and every region on the map and in the list, focus is always visible (WCAG 2.4.1,
 * 2.1.1, 2.4.7), and a region on the map opens with Enter.
 */
@IntegrationTest
class KeyboardBrowserIntegrationTests {

    /** Enough for the page as it is (about 40 stops) with room to grow, yet a loop that cannot run away. */
    private static final int MAX_TABS = 200;

    /**
     * What the focused element is and whether its focus shows. The map's regions draw focus on their
     * shape (fill and a thick stroke on the path) rather than an outline, so for an SVG link the
     * path's look is compared with that of a region that is neither focused nor the current one.
     */
    private static final String FOCUSED = """
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== 'none';
            let shape = false;
            if (e instanceof SVGAElement) {
              const look = p => { const s = getComputedStyle(p); return [s.fill, s.stroke, s.strokeWidth].join(' '); };
              const other = [...e.ownerSVGElement.querySelectorAll('a')]
                  .find(a => a !== e && !a.classList.contains('current'));
              shape = !!other && look(e.querySelector('path')) !== look(other.querySelector('path'));
            }
            return {
              tag: e.tagName.toLowerCase(),
              text: (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' '),
              href: e.getAttribute('href') || '',
              inMap: !!e.closest('figure.poland-map'),
              inNavigation: !!e.closest('nav.site-nav'),
              inList: !!e.closest('ul.region-list'),
              inMain: !!e.closest('main'),
              visible: outline || shadow || shape,
              style: 'outline ' + style.outlineStyle + ' ' + style.outlineWidth + ', box-shadow ' + style.boxShadow
            };
            """;

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @BeforeEach
    void openHome() {
        browser.forgetCookies();
        browser.open("http://localhost:" + port + "/");
    }

    @Test
    void theFirstTabLandsOnTheSkipLinkWhichMovesFocusToTheContent() {
        Map<String, Object> first = tab();

        assertThat(first.get("text")).isEqualTo("Przejdź do treści");
        assertThat(first.get("href")).isEqualTo("#main");
        assertThat(first.get("visible"))
                .as("focus indicator of the skip link (%s)", first.get("style"))
                .isEqualTo(true);

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

        browser.waiting().until(driver -> focused().get("inMain").equals(true));
        Map<String, Object> next = tab();
        assertThat(next.get("inMain"))
                .as("the Tab after the skip link stays in the content: %s", next)
                .isEqualTo(true);
    }

    @Test
    void tabReachesTheNavigationAndEveryRegionOnTheMapAndInTheListWithVisibleFocus() {
        Set<String> regions = new LinkedHashSet<>(
                directory.regions().stream().map(Region::href).toList());
        assertThat(browser.driver().findElements(By.cssSelector("figure.poland-map svg a")))
                .hasSize(regions.size());
        Set<String> mapToReach = new LinkedHashSet<>(regions);
        Set<String> listToReach = new LinkedHashSet<>(regions);
        boolean navigationReached = false;
        List<String> withoutVisibleFocus = new ArrayList<>();

        // The whole page is walked, not just until the regions are found, so every stop's focus is checked.
        for (int press = 0; press < MAX_TABS; press++) {
            Map<String, Object> element = tab();
            if (element.get("tag").equals("body")
                    || (press > 0 && element.get("href").equals("#main"))) {
                // Past its last link focus leaves the document (or wraps to the skip link): all was seen.
                break;
            }
            if (!element.get("visible").equals(true)) {
                withoutVisibleFocus.add(
                        element.get("tag") + " \"" + element.get("text") + "\" (" + element.get("style") + ")");
            }
            String href = (String) element.get("href");
            if (element.get("inMap").equals(true)) {
                mapToReach.remove(href);
            }
            if (element.get("inList").equals(true)) {
                listToReach.remove(href);
            }
            if (element.get("inNavigation").equals(true) && element.get("text").equals("Regiony")) {
                navigationReached = true;
            }
        }

        assertThat(navigationReached)
                .as("Tab reaches the main navigation's \"Regiony\"")
                .isTrue();
        assertThat(mapToReach).as("map regions Tab never reached").isEmpty();
        assertThat(listToReach).as("listed regions Tab never reached").isEmpty();
        assertThat(withoutVisibleFocus)
                .as("focused elements without a visible focus indicator")
                .isEmpty();
    }

    @Test
    void enterOnAFocusedMapRegionOpensThatRegion() {
        Map<String, Object> element = tab();
        for (int press = 1; press < MAX_TABS && !element.get("inMap").equals(true); press++) {
            element = tab();
        }
        assertThat(element.get("inMap")).as("Tab reaches the map").isEqualTo(true);
        String href = (String) element.get("href");

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

        browser.waiting().until(ExpectedConditions.urlToBe("http://localhost:" + port + href));
        String slug = href.substring(href.lastIndexOf('/') + 1);
        Region region = directory.region(slug).orElseThrow();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(region.namePl());
    }

    private Map<String, Object> tab() {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        return focused();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> focused() {
        return (Map<String, Object>) browser.js().executeScript(FOCUSED);
    }
}
