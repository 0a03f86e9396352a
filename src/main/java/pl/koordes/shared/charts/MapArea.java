package pl.koordes.shared.charts;

import org.jspecify.annotations.Nullable;

/**
 * One area of a map (a voivodeship): its outline in the map's coordinate system and where its label goes.
 * The shared module knows no directory; a caller converts the directory's outlines, for example
 * <pre>{@code
 * List<MapArea> areas = polandMap.shapes().stream()
 *         .map(s -> new MapArea(s.region().slug(), s.region().name(page.locale()), s.path(),
 *                 s.labelX(), s.labelY(), s.region().href()))
 *         .toList();
 * }</pre>
 *
 * @param id the key of the area's value (a region's slug)
 * @param name shown in the table, the legend's sentence and the link's name
 * @param path SVG path data
 * @param href where a click on the area and its name in the table lead, or null for no link
 */
public record MapArea(
        String id,
        String name,
        String path,
        double labelX,
        double labelY,
        @Nullable String href) {

    public MapArea(String id, String name, String path, double labelX, double labelY) {
        this(id, name, path, labelX, labelY, null);
    }
}
