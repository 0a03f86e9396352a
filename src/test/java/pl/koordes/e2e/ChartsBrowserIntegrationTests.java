package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.ChartSamples;
import pl.koordes.shared.charts.MapArea;

/**
 * The shared charts (a map of the voivodeships, a line chart and a bar chart, each with its table) in
 * Chromium, at desktop width and on a 375 px phone: axe finds nothing and nothing scrolls sideways. No
 * module has a page with charts yet, so the templates are rendered into a file with the site's style sheet,
 * the way a page includes them; the pages that use them get their own checks in their module's tests.
 */
class ChartsBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    private static final Path PAGES = Path.of("target", "charts");

    @AfterEach
    void wideAgain() {
        browser.resetViewport();
    }

    @Test
    void chartsPassAxeAndFitAPhoneInPolish() throws IOException {
        Path page = page("charts-pl", "pl", ChartSamples.polish(), "Wykresy i mapa");
        browser.open(page.toUri().toString());
        assertThat(browser.driver().findElements(By.cssSelector("svg.chart-svg")))
                .hasSize(3);
        assertThat(browser.driver().findElements(By.cssSelector(".chart-map tbody tr")))
                .hasSize(16);
        assertThat(browser.driver().findElement(By.id("mapa-summary")).getText())
                .contains("Najwyższa wartość: Warmińsko-mazurskie (22%).", "2 województwa bez danych.");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#puste .chart-empty"))
                        .getText())
                .isEqualTo("Brak danych do pokazania.");
        browser.checkAccessible("charts-pl-1280");
        Reflow.assertNoHorizontalOverflow(browser, "charts at 1280 px");

        browser.emulateViewportWidth(Reflow.PHONE);
        browser.open(page("charts-pl-phone", "pl", ChartSamples.polish(), "Wykresy i mapa")
                .toUri()
                .toString());
        browser.checkAccessible("charts-pl-375");
        Reflow.assertNoHorizontalOverflow(browser, "charts at 375 px");
    }

    @Test
    void chartsPassAxeInEnglish() throws IOException {
        Path page = page("charts-en", "en", ChartSamples.english(), "Charts and a map");
        browser.open(page.toUri().toString());
        assertThat(browser.driver().findElement(By.id("porownanie-summary")).getText())
                .contains("Highest value: Podlaskie (6.9).");
        browser.checkAccessible("charts-en-1280");
    }

    /** A page as a module's would be: a heading, then each chart from its template, with the site's styles. */
    private static Path page(String name, String lang, ChartLanguage language, String heading) throws IOException {
        List<MapArea> areas = ChartSamples.polandAreas();
        String body = ChartSamples.render(
                        "choropleth.jte",
                        ChartSamples.map(language, areas, ChartSamples.polandViewBox(), areas.size() - 2))
                + ChartSamples.render("lineChart.jte", ChartSamples.line(language))
                + ChartSamples.render("barChart.jte", ChartSamples.bars(language, ChartSamples.REGIONS))
                + ChartSamples.render(
                        "barChart.jte", BarChart.of("puste", heading).view(language));
        String css = Files.readString(Path.of("src/main/resources/static/css/app.css"));
        String html = """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><style>%s</style></head>
                <body><main id="main"><div class="container"><h1>%s</h1>%s</div></main></body>
                </html>
                """.formatted(lang, heading, css, heading, body);
        Files.createDirectories(PAGES);
        Path file = PAGES.resolve(name + ".html").toAbsolutePath();
        Files.writeString(file, html);
        return file;
    }
}
