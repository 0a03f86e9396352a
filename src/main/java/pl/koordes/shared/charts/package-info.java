/**
 * Charts and maps drawn on the server as SVG, each with a legend, a sentence that says what it shows and a
 * table of the same values: {@link pl.koordes.shared.charts.Choropleth} (a map coloured by value),
 * {@link pl.koordes.shared.charts.LineChart} (series over periods) and {@link pl.koordes.shared.charts.BarChart}
 * (one value per category). A builder makes a view, which {@code shared/charts/*.jte} draws; no module
 * draws a chart another way (docs/patterns.md, "Charts and maps").
 */
@NullMarked
package pl.koordes.shared.charts;

import org.jspecify.annotations.NullMarked;
