package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.shared.charts.ChartSamples.REGIONS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The templates draw what the views say, with every text escaped, and say "Brak danych" instead of an empty picture. */
class ChartTemplatesTests {

    private static final Pattern OPENS_TAG = Pattern.compile("<[a-zA-Z/!]");

    private static final Pattern ELEMENT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)");

    @Test
    void aMapIsAPictureASentenceALegendAndATable() {
        String html = ChartSamples.render(
                "choropleth.jte",
                ChartSamples.map(ChartSamples.polish(), ChartSamples.squares(REGIONS), "0 0 400 400", 13));
        assertThat(html)
                .contains("role=\"group\"", "aria-describedby=\"mapa-summary\"", "<caption id=\"mapa-caption\">")
                .contains("role=\"region\" aria-labelledby=\"mapa-caption\" tabindex=\"0\"")
                .contains("<th scope=\"row\"><a href=\"/regiony/a0\">Dolnośląskie</a></th>")
                .contains("aria-label=\"Dolnośląskie: 2,5%\"")
                .contains("3 województwa bez danych.")
                .contains("fill=\"url(#mapa-nodata)\"");
        assertThat(count(html, "<path class=\"chart-area\"")).isEqualTo(16);
        assertThat(count(html, "<tr>")).isEqualTo(17);
    }

    @Test
    void emptyChartsSayThereIsNoDataAndDrawNothing() {
        List<String> empty = List.of(
                ChartSamples.render(
                        "choropleth.jte",
                        ChartSamples.map(ChartSamples.polish(), ChartSamples.squares(REGIONS), "0 0 1 1", 0)),
                ChartSamples.render(
                        "lineChart.jte",
                        LineChart.of("pusta", "Pusta", List.of("2024")).view(ChartSamples.polish())),
                ChartSamples.render(
                        "barChart.jte", BarChart.of("pusta", "Pusta").view(ChartSamples.polish())));
        for (String html : empty) {
            assertThat(html).contains("Brak danych do pokazania.").doesNotContain("<svg", "<table");
        }
    }

    @Test
    void everyNaughtyStringIsEscapedEverywhere() {
        List<String> hostile = new ArrayList<>(ChartSamples.naughtyStrings());
        hostile.addFirst("<script>alert(1)</script>");
        for (int from = 0; from < hostile.size(); from += REGIONS.size()) {
            List<String> names =
                    new ArrayList<>(hostile.subList(from, Math.min(hostile.size(), from + REGIONS.size())));
            while (names.size() < REGIONS.size()) {
                names.add("x" + names.size());
            }
            String title = names.getFirst();
            List<MapArea> areas = ChartSamples.squares(names);
            String map = ChartSamples.render(
                    "choropleth.jte",
                    Choropleth.of("mapa", title, areas, "0 0 400 400")
                            .unit(names.get(1))
                            .values(ChartSamples.values(areas, 12))
                            .note(areas.getLast().id(), names.get(2))
                            .view(ChartSamples.polish()));
            List<BigDecimal> values =
                    names.stream().map(n -> BigDecimal.valueOf(n.length())).toList();
            LineChart line = LineChart.of("przebieg", title, names).unit(names.get(3));
            line.series(names.get(4), values).trajectory(names.get(5), values).target(names.get(6), BigDecimal.TEN);
            BarChart bars = BarChart.of("porownanie", title).unit(names.get(7)).reference(names.get(8), BigDecimal.ONE);
            names.forEach(n -> bars.bar(n, BigDecimal.valueOf(n.length()), "/regiony/" + n));
            for (String html : List.of(
                    map,
                    ChartSamples.render("lineChart.jte", line.view(ChartSamples.polish())),
                    ChartSamples.render("barChart.jte", bars.view(ChartSamples.polish())))) {
                // Only the templates' own elements: no name opened one of its own.
                assertThat(elements(html))
                        .as("elements rendered for %s", names)
                        .isSubsetOf(
                                "figure",
                                "figcaption",
                                "div",
                                "svg",
                                "defs",
                                "pattern",
                                "rect",
                                "line",
                                "a",
                                "path",
                                "text",
                                "tspan",
                                "circle",
                                "p",
                                "ul",
                                "li",
                                "span",
                                "table",
                                "caption",
                                "thead",
                                "tbody",
                                "tfoot",
                                "tr",
                                "th",
                                "td");
                assertThat(html.toLowerCase()).doesNotContain("<script", "<img", "href=\"javascript:");
                for (String name : names) {
                    // A name that opens a tag never appears as written (quotes may: between tags they are text).
                    if (OPENS_TAG.matcher(name).find()) {
                        assertThat(html).doesNotContain(name);
                    }
                }
            }
            assertThat(count(map, "<tr>")).isEqualTo(17);
            // A quote in a name stays inside its attribute: every link keeps its one aria-label and href.
            assertThat(count(map, "<a href=\"/regiony/a")).isEqualTo(16);
            assertThat(count(map, " aria-label=\"")).isEqualTo(8);
        }
    }

    private static List<String> elements(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ELEMENT.matcher(html);
        while (m.find()) {
            found.add(m.group(1).toLowerCase());
        }
        return found;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
