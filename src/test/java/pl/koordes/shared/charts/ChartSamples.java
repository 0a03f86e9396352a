package pl.koordes.shared.charts;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.MessageSourceConfiguration;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.Slugs;

/** Sample charts for the tests: the 16 voivodeships, a map, a line chart and a bar chart, and their rendering. */
public final class ChartSamples {

    public static final List<String> REGIONS = List.of(
            "Dolnośląskie",
            "Kujawsko-pomorskie",
            "Lubelskie",
            "Lubuskie",
            "Łódzkie",
            "Małopolskie",
            "Mazowieckie",
            "Opolskie",
            "Podkarpackie",
            "Podlaskie",
            "Pomorskie",
            "Śląskie",
            "Świętokrzyskie",
            "Warmińsko-mazurskie",
            "Wielkopolskie",
            "Zachodniopomorskie");

    private static final Messages MESSAGES = new Messages(MessageSourceConfiguration.create());

    /** The application's templates as the build compiled them. */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private ChartSamples() {}

    public static ChartLanguage polish() {
        return ChartLanguage.of(MESSAGES, Language.PL.locale());
    }

    public static ChartLanguage english() {
        return ChartLanguage.of(MESSAGES, Language.EN.locale());
    }

    /**
     * The real outlines of the voivodeships, from the directory's map with its regions given here instead of
     * read from the database; converted to the shared areas as a caller would.
     */
    public static List<MapArea> polandAreas() {
        PolandMap map = polandMap();
        return map.shapes().stream()
                .map(s -> new MapArea(
                        s.region().slug(),
                        s.region().namePl(),
                        s.path(),
                        s.labelX(),
                        s.labelY(),
                        s.region().href()))
                .toList();
    }

    public static String polandViewBox() {
        return polandMap().viewBox();
    }

    private static PolandMap polandMap() {
        Macroregion macroregion = new Macroregion(1, "PL0", "polska", "Polska", "Poland");
        List<Region> regions = IntStream.range(0, REGIONS.size())
                .mapToObj(i -> new Region(
                        i + 1,
                        String.format("%02d", 2 * (i + 1)),
                        Slugs.of(REGIONS.get(i)),
                        REGIONS.get(i),
                        REGIONS.get(i),
                        "",
                        macroregion))
                .toList();
        Directory directory = new Directory(null, null) {
            @Override
            public List<Region> regions() {
                return regions;
            }
        };
        return new PolandMap(directory);
    }

    /** Square stand-ins for the voivodeships, four by four, named as given. */
    public static List<MapArea> squares(List<String> names) {
        List<MapArea> areas = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double x = (i % 4) * 100.0, y = (i / 4) * 100.0;
            areas.add(new MapArea(
                    "a" + i,
                    names.get(i),
                    "M" + x + " " + y + "h90v90h-90Z",
                    x + 45,
                    y + 45,
                    i % 2 == 0 ? "/regiony/a" + i : null));
        }
        return areas;
    }

    /** Values for the first {@code withData} areas (2,5, 4, 5,5 … with Mazowieckie highest), none for the rest. */
    public static Map<String, BigDecimal> values(List<MapArea> areas, int withData) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < withData; i++) {
            values.put(
                    areas.get(i).id(),
                    new BigDecimal("2.5").add(new BigDecimal("1.5").multiply(BigDecimal.valueOf(i))));
        }
        return values;
    }

    public static ChoroplethView map(ChartLanguage language, List<MapArea> areas, String viewBox, int withData) {
        return Choropleth.of("mapa", "Odsetek podmiotów z certyfikatem w 2024 r.", areas, viewBox)
                .unit("%")
                .values(values(areas, withData))
                .note(areas.getLast().id(), "dane w przygotowaniu")
                .classes(ClassBreaks.Method.QUANTILE, 5)
                .view(language);
    }

    public static LineChartView line(ChartLanguage language) {
        List<String> periods = List.of("2021", "2022", "I półrocze 2023", "II półrocze 2023", "2024", "2025");
        List<BigDecimal> values = new ArrayList<>(List.of(
                new BigDecimal("120"),
                new BigDecimal("131"),
                new BigDecimal("140"),
                new BigDecimal("138"),
                new BigDecimal("150"),
                new BigDecimal("164")));
        values.set(3, null);
        List<BigDecimal> other = new ArrayList<>(List.of(
                new BigDecimal("90"),
                new BigDecimal("95"),
                new BigDecimal("104"),
                new BigDecimal("112"),
                new BigDecimal("118"),
                new BigDecimal("125")));
        List<BigDecimal> trajectory = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            trajectory.add(new BigDecimal("120").add(BigDecimal.valueOf(12L * i)));
        }
        return LineChart.of("przebieg", "Aktywne przedsiębiorstwa społeczne", periods)
                .unit("szt.")
                .series("Mazowieckie", values)
                .series("Średnia województw", other)
                .trajectory("Ścieżka do celu", trajectory)
                .target("2025", new BigDecimal("180"))
                .view(language);
    }

    public static BarChartView bars(ChartLanguage language, List<String> names) {
        BarChart chart = BarChart.of("porownanie", "Spółdzielnie socjalne na 100 tys. mieszkańców")
                .decimals(1);
        for (int i = 0; i < names.size(); i++) {
            BigDecimal value = i == 3
                    ? null
                    : new BigDecimal("1.3").add(new BigDecimal("0.37").multiply(BigDecimal.valueOf((i * 7) % 16)));
            chart.bar(names.get(i), value, "/regiony/" + Slugs.of(names.get(i)));
        }
        return chart.reference("Średnia krajowa", new BigDecimal("3.9"))
                .sortedByValue()
                .view(language);
    }

    /** A template of {@code shared/charts} rendered with its one parameter, {@code chart}. */
    public static String render(String template, Object chart) {
        StringOutput output = new StringOutput();
        TEMPLATES.render("shared/charts/" + template, Map.of("chart", chart), output);
        return output.toString();
    }

    /** The lines of the Big List of Naughty Strings (../shared/data/corpora/blns.txt), comments left out. */
    public static List<String> naughtyStrings() {
        Path corpus = List.of(
                        Path.of("../shared/data/corpora/blns.txt"),
                        Path.of("shared/data/corpora/blns.txt"),
                        Path.of("/work/shared/data/corpora/blns.txt"))
                .stream()
                .filter(Files::exists)
                .findFirst()
                .orElseThrow();
        try {
            return Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
