package pl.koordes.directory;

/**
 * One region's outline on the map of Poland.
 *
 * @param path SVG path data in the map's coordinate system
 * @param labelX where the region's label goes (its area's centre)
 */
public record MapShape(Region region, String path, double labelX, double labelY) {}
