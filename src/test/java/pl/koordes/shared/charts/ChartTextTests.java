package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.shared.charts.ChartSamples.REGIONS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sentences that say what each chart shows, in Polish with its plural forms and in English. */
class ChartTextTests {

    private final List<MapArea> areas = ChartSamples.squares(REGIONS);

    private ChoroplethView map(int withData) {
        return ChartSamples.map(ChartSamples.polish(), areas, "0 0 400 400", withData);
    }

    @Test
    void theMapSaysTheHighestTheLowestAndHowManyHaveNoData() {
        ChoroplethView map = map(13);
        assertThat(map.summary())
                .isEqualTo("Najwyższa wartość: Świętokrzyskie (20,5%). Najniższa wartość: Dolnośląskie (2,5%)."
                        + " 3 województwa bez danych.");
        assertThat(map(11).summary()).endsWith(" 5 województw bez danych.");
        assertThat(map(14).summary()).endsWith(" 2 województwa bez danych.");
        assertThat(map(15).summary()).endsWith(" 1 województwo bez danych.");
        assertThat(map(16).summary()).doesNotContain("bez danych");
        assertThat(ChartSamples.map(ChartSamples.english(), areas, "0 0 400 400", 11)
                        .summary())
                .isEqualTo(
                        "Highest value: Pomorskie (17.5%). Lowest value: Dolnośląskie (2.5%). 5 regions without data.");
    }

    @Test
    void theMapsLegendNamesEachClassWithPolishNumbersAndCounts() {
        ChoroplethView map = map(13);
        assertThat(map.legend())
                .extracting(ChoroplethView.LegendItem::label)
                .containsExactly(
                        "od 2,5 do 5,5",
                        "powyżej 5,5 do 10",
                        "powyżej 10 do 13",
                        "powyżej 13 do 17,5",
                        "powyżej 17,5 do 20,5",
                        "brak danych");
        assertThat(map.legend())
                .extracting(ChoroplethView.LegendItem::count)
                .containsExactly(
                        "3 województwa",
                        "3 województwa",
                        "2 województwa",
                        "3 województwa",
                        "2 województwa",
                        "3 województwa");
        // The note stands in the table instead of "brak danych"; the area is hatched like the others without data.
        ChoroplethView.Area last = map.areas().getLast();
        assertThat(last.text()).isEqualTo("dane w przygotowaniu");
        assertThat(last.fill()).isEqualTo("url(#mapa-nodata)");
        assertThat(map.areas().getFirst().label()).isEqualTo("2,5%");
        // A margin keeps the outlines' strokes at the edges whole.
        assertThat(map.viewBox()).isEqualTo("-4 -4 408 408");
        assertThat(Choropleth.padded("0 0 600 568,5")).isEqualTo("0 0 600 568,5");
    }

    @Test
    void oneValueAllEqualValuesAndNoValues() {
        ChoroplethView one = map(1);
        assertThat(one.summary()).isEqualTo("Dane są tylko dla: Dolnośląskie (2,5%). 15 województw bez danych.");
        assertThat(one.legend()).extracting(ChoroplethView.LegendItem::label).containsExactly("2,5", "brak danych");

        ChoroplethView equal = Choropleth.of("rowne", "Równe", areas, "0 0 400 400")
                .values(REGIONS.stream()
                        .collect(Collectors.toMap(n -> "a" + REGIONS.indexOf(n), n -> new BigDecimal("4"))))
                .view(ChartSamples.polish());
        assertThat(equal.summary()).isEqualTo("Wszędzie, gdzie są dane (16 województw), wartość wynosi 4.");
        assertThat(equal.legend()).hasSize(1);

        ChoroplethView none = map(0);
        assertThat(none.empty()).isTrue();
        assertThat(none.summary()).isEqualTo("16 województw bez danych.");
        assertThat(Choropleth.of("pusta", "Pusta", List.of(), "0 0 1 1")
                        .view(ChartSamples.polish())
                        .empty())
                .isTrue();
    }

    @Test
    void theLineChartSaysWhereEachSeriesStartsAndEndsAndWhatIsMissing() {
        LineChartView line = ChartSamples.line(ChartSamples.polish());
        assertThat(line.summary())
                .isEqualTo("Mazowieckie: od 120\u00a0szt. (2021) do 164\u00a0szt. (2025)."
                        + " Mazowieckie: 1 okres bez danych."
                        + " Średnia województw: od 90\u00a0szt. (2021) do 125\u00a0szt. (2025)."
                        + " Ścieżka do celu: od 120\u00a0szt. (2021) do 180\u00a0szt. (2025)."
                        + " Cel: 180\u00a0szt. (2025).");
        assertThat(line.rows().get(3).cells())
                .extracting(LineChartView.Cell::text)
                .containsExactly("brak danych", "112", "156", "");
        assertThat(line.columns()).containsExactly("Mazowieckie", "Średnia województw", "Ścieżka do celu", "Cel");
        assertThat(line.tableCaption()).isEqualTo("Tabela: Aktywne przedsiębiorstwa społeczne (szt.)");
        assertThat(line.legend()).extracting(LineChartView.LegendItem::dash).containsExactly(null, null, "7 5", null);
        // Long period names go on two lines, and where two neighbours would overlap only every other one is
        // named under the axis (the table names them all); the latest period is named when it fits.
        assertThat(line.periods().stream()
                        .map(LineChartView.PeriodLabel::lines)
                        .filter(l -> !l.isEmpty())
                        .map(l -> String.join(" / ", l)))
                .containsExactly("2021", "I półrocze / 2023", "2024", "2025");
        assertThat(LineChart.labelStep(new double[] {30, 30, 30}, 40)).isEqualTo(1);
        assertThat(LineChart.labelStep(new double[] {30, 80, 90, 30}, 60)).isEqualTo(2);
        assertThat(line.ticks()).extracting(LineChartView.Tick::label).containsExactly("0", "50", "100", "150", "200");

        List<BigDecimal> gaps = new ArrayList<>(Collections.nCopies(5, (BigDecimal) null));
        gaps.set(0, BigDecimal.ONE);
        LineChartView sparse = LineChart.of("rzadka", "Rzadka", List.of("1", "2", "3", "4", "5"))
                .series("A", gaps)
                .view(ChartSamples.polish());
        assertThat(sparse.summary()).isEqualTo("A: 1 (1). A: 4 okresy bez danych.");
        assertThat(LineChart.of("pusta", "Pusta", List.of())
                        .view(ChartSamples.polish())
                        .empty())
                .isTrue();
    }

    @Test
    void theBarChartSaysTheHighestTheLowestAndHowManyAreAboveTheReference() {
        BarChartView bars = ChartSamples.bars(ChartSamples.polish(), REGIONS);
        assertThat(bars.summary())
                .isEqualTo("Najwyższa wartość: Podlaskie (6,9). Najniższa wartość: Dolnośląskie (1,3)."
                        + " Średnia krajowa: 3,9; powyżej tej wartości: 8 województw. 1 województwo bez danych.");
        assertThat(bars.bars().getFirst().name()).isEqualTo("Podlaskie");
        assertThat(bars.bars().getLast().text()).isEqualTo("brak danych");
        assertThat(BarChart.of("pusta", "Pusta")
                        .bar("A", null)
                        .view(ChartSamples.polish())
                        .empty())
                .isTrue();
        BarChartView noted = BarChart.of("uwagi", "Uwagi")
                .bar("A", new BigDecimal("2"), null, "szacunek")
                .bar("B", null, null, "dane w przygotowaniu")
                .view(ChartSamples.polish());
        assertThat(noted.bars()).extracting(BarChartView.Bar::text).containsExactly("2", "dane w przygotowaniu");
        assertThat(noted.bars())
                .extracting(BarChartView.Bar::tableText)
                .containsExactly("2 (szacunek)", "dane w przygotowaniu");
        assertThat(noted.summary()).isEqualTo("Dane są tylko dla: A (2). 1 województwo bez danych.");
        assertThat(BarChart.of("jedna", "Jedna")
                        .bar("A", new BigDecimal("12345.5"))
                        .view(ChartSamples.polish())
                        .summary())
                .isEqualTo("Dane są tylko dla: A (12\u00a0345,5).");
    }
}
