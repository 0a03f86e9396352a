package pl.koordes.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import pl.koordes.directory.internal.LineSimplification;
import pl.koordes.shared.web.Slugs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map of Poland's voivodeships as SVG outlines, made once from the simplified GeoJSON boundaries
 * (map/wojewodztwa-min.geojson, MIT licence, © 2019 Piotr Patrzyk, from GUGiK PRG data).
 * Pages draw it inline, each region a link, so it needs no JavaScript.
 */
@Component
public class PolandMap {

    /** Width of the map's coordinate system; the height follows from Poland's shape. */
    static final double WIDTH = 600;
    /** Points closer than this (in map units) to a simplified outline are dropped. */
    private static final double TOLERANCE = 1.0;

    private static final double REFERENCE_LATITUDE = 52.0;

    private final Directory directory;
    private volatile @Nullable Geometry geometry;

    public PolandMap(Directory directory) {
        this.directory = directory;
    }

    /** The SVG {@code viewBox} of the map. */
    public String viewBox() {
        Geometry g = geometry();
        return "0 0 " + format(WIDTH) + " " + format(g.height());
    }

    /** Each region's outline, in the order of {@link Directory#regions()}. */
    public List<MapShape> shapes() {
        Geometry g = geometry();
        return directory.regions().stream()
                .filter(r -> g.outlines().containsKey(r.slug()))
                .map(r -> {
                    Outline o = Objects.requireNonNull(g.outlines().get(r.slug()));
                    return new MapShape(r, o.path(), o.labelX(), o.labelY());
                })
                .toList();
    }

    private Geometry geometry() {
        Geometry g = geometry;
        if (g == null) {
            g = load();
            geometry = g;
        }
        return g;
    }

    private static Geometry load() {
        JsonNode root;
        try (InputStream in = new ClassPathResource("map/wojewodztwa-min.geojson").getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The map of Poland could not be read", e);
        }
        double minLon = Double.MAX_VALUE,
                maxLon = -Double.MAX_VALUE,
                minLat = Double.MAX_VALUE,
                maxLat = -Double.MAX_VALUE;
        Map<String, List<List<double[]>>> rings = new LinkedHashMap<>();
        for (JsonNode feature : root.get("features")) {
            String name = feature.get("properties").get("nazwa").asString();
            JsonNode geometry = feature.get("geometry");
            List<List<double[]>> regionRings = new ArrayList<>();
            JsonNode coordinates = geometry.get("coordinates");
            List<JsonNode> polygons = new ArrayList<>();
            if ("MultiPolygon".equals(geometry.get("type").asString())) {
                coordinates.forEach(polygons::add);
            } else {
                polygons.add(coordinates);
            }
            for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                    List<double[]> points = new ArrayList<>();
                    for (JsonNode point : ring) {
                        double lon = point.get(0).asDouble();
                        double lat = point.get(1).asDouble();
                        minLon = Math.min(minLon, lon);
                        maxLon = Math.max(maxLon, lon);
                        minLat = Math.min(minLat, lat);
                        maxLat = Math.max(maxLat, lat);
                        points.add(new double[] {lon, lat});
                    }
                    regionRings.add(points);
                }
            }
            // Keyed by the slug, which stays when an administrator edits a region's name.
            rings.put(Slugs.of(name), regionRings);
        }
        // An equirectangular projection scaled at Poland's middle latitude keeps shapes recognisable.
        double xScale = Math.cos(Math.toRadians(REFERENCE_LATITUDE));
        double scale = WIDTH / ((maxLon - minLon) * xScale);
        double height = (maxLat - minLat) * scale;
        final double west = minLon, north = maxLat;
        Function<double[], double[]> project =
                p -> new double[] {(p[0] - west) * xScale * scale, (north - p[1]) * scale};
        Map<String, Outline> outlines = rings.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> outline(e.getValue(), project)));
        return new Geometry(height, outlines);
    }

    private static Outline outline(List<List<double[]>> rings, Function<double[], double[]> project) {
        StringBuilder path = new StringBuilder();
        double areaSum = 0, cx = 0, cy = 0;
        for (List<double[]> ring : rings) {
            List<double[]> projected = ring.stream().map(project).toList();
            List<double[]> simple = LineSimplification.douglasPeucker(projected, TOLERANCE);
            // The first point absolute, the others relative to the one before ("l", implicit after it): the
            // steps between whole map units are one or two digits where the coordinates are three. The map is on
            // every home page: a third fewer bytes for every visitor (measured: 34 to 25.5 kB).
            long[] previous = null;
            for (double[] p : simple) {
                long x = Math.round(p[0]), y = Math.round(p[1]);
                if (previous == null) {
                    path.append('M').append(x).append(' ').append(y).append('l');
                } else if (x != previous[0] || y != previous[1]) {
                    appendNumber(path, x - previous[0]);
                    appendNumber(path, y - previous[1]);
                }
                previous = new long[] {x, y};
            }
            path.append('z');
            // Area-weighted centroid (shoelace formula) places the label inside the region's body.
            for (int i = 0; i < projected.size() - 1; i++) {
                double[] a = projected.get(i), b = projected.get(i + 1);
                double cross = a[0] * b[1] - b[0] * a[1];
                areaSum += cross;
                cx += (a[0] + b[0]) * cross;
                cy += (a[1] + b[1]) * cross;
            }
        }
        return new Outline(path.toString(), cx / (3 * areaSum), cy / (3 * areaSum));
    }

    /** Whole map units: at 600 units across, finer coordinates only add bytes to every page. */
    private static String format(double value) {
        return Long.toString(Math.round(value));
    }

    /**
     * Appends a step in whole map units, after a space unless a minus sign separates it or it follows the command
     * letter.
     */
    private static void appendNumber(StringBuilder path, long value) {
        if (value >= 0 && path.charAt(path.length() - 1) != 'l') {
            path.append(' ');
        }
        path.append(value);
    }

    private record Outline(String path, double labelX, double labelY) {}

    private record Geometry(double height, Map<String, Outline> outlines) {}
}
