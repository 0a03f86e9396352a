package pl.koordes.e2e;

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

    private Accessibility() {
    }

    /** One line per violated rule and one per element it failed on; empty when the page passes. */
    static List<String> violations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not run on " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations().stream().map(Accessibility::describe).toList();
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream()
                .map(Accessibility::describe)
                .collect(Collectors.joining());
        return "%s (%s): %s — %s%s".formatted(rule.getId(), rule.getImpact(), rule.getHelp(), rule.getHelpUrl(), nodes);
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : " — " + node.getFailureSummary().replace('\n', ' ');
        return "%n    at %s%s".formatted(node.getTarget(), summary);
    }
}
