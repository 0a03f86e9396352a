package pl.koordes.e2e;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core against WCAG 2.1 A and AA, with its findings written so a reader can fix them without rerunning. */
final class Accessibility {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /**
     * WCAG 2.1 A and AA rules, and every detail of violations only: axe then keeps one example node of each
     * passed or inapplicable rule instead of all of them (a map alone has hundreds), which spares building,
     * sending and parsing results nobody reads (about an eighth of each check).
     */
    private static final AxeRunOptions OPTIONS = options();

    private Accessibility() {}

    private static AxeRunOptions options() {
        AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(WCAG_21_AA);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(tags);
        options.setResultTypes(List.of("violations"));
        return options;
    }

    /** One line per violated rule and one per element it failed on; empty when the page passes. */
    @SuppressWarnings("deprecation") // setLegacyMode: see below; to be revisited if axe-core drops it
    static List<String> violations(WebDriver driver) {
        // Legacy mode runs axe in the page itself (same-origin frames are still reached by axe's own
        // messaging); the default opens a second window per page only to merge per-frame results, which
        // costs one to two seconds a page, half the time of this whole check, and finds nothing more here.
        Results results =
                new AxeBuilder().withOptions(OPTIONS).setLegacyMode(true).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException(
                    "axe-core could not run on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream().map(Accessibility::describe).toList();
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining());
        return "%s (%s): %s — %s%s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl(), nodes);
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null
                ? ""
                : " — " + node.getFailureSummary().replace('\n', ' ');
        return "%n    at %s %s%s".formatted(node.getTarget(), snippet(node.getHtml()), summary);
    }

    /** The element's opening markup, cut short: a map region's path alone runs to kilobytes. */
    private static String snippet(String html) {
        if (html == null) {
            return "";
        }
        String line = html.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
