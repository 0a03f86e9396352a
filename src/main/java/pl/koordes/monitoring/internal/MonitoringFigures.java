package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;

/**
 * The public figures of monitoring (issue 12, items 5 and 6): each regional indicator of the regions' current
 * programmes with its approved values and progress, each KPRES indicator's national aggregate per year, and
 * the coherence of the regional programmes with the KPRES directions.
 *
 * <p>Only APPROVED values count: everything here is shown to visitors. Everything is read in a fixed number
 * of set-based statements ({@link MonitoringFigureLoad#load()}: eight, whatever the number of regions,
 * indicators and periods) and grouped here (the arithmetic in {@link MonitoringFigureRules}), so a page's
 * statement count never grows with its data.
 *
 * <p>The rules (written out on the pages, see docs/monitoring.md "Analysis"):
 *
 * <ul>
 *   <li><b>A year's value</b> of a regional indicator: a <b>flow</b> sums the year's approved periods (the two
 *       halves; a whole-year value, where one was reported, already covers them and is taken alone, so nothing is
 *       counted twice); a <b>stock</b> takes the last approved period's value (the second half or the whole year
 *       after the first half).
 *   <li><b>The national figure</b> of a KPRES indicator for a year: the year's values of the regional indicators
 *       mapped to it (in the regions' current programmes) with a region rule SUM are added up, with AVERAGE
 *       averaged over the regions that reported; NONE is mapped for the coherence view only and never
 *       aggregated. Regions that mapped two indicators to one KPRES indicator count once (their values combined
 *       by the same rule). Where regions disagree on the rule, the more common one is used. Each figure says
 *       how many of the regions contributed: a sum from 12 of 16 regions is not the country's total.
 *   <li><b>The headline figure</b> (dashboard, status): the latest year with as many contributing regions as the
 *       best-reported year, so a year still being approved does not stand for the country.
 *   <li><b>Progress</b>: {@link ProgressRule} on that year's figure (a region's indicator: its latest year).
 * </ul>
 */
public final class MonitoringFigures {

    /** The number of regions a national figure is out of. */
    public static final int REGIONS = 16;

    private MonitoringFigures() {}

    /** A KPRES area. */
    public record Area(long id, String code, String namePl, String nameEn) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : namePl;
        }
    }

    /** A KPRES direction within its area. */
    public record Direction(long id, String code, String namePl, String nameEn, Area area) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : namePl;
        }
    }

    /** A KPRES indicator with its yearly targets (year → value; the last is the final target). */
    public record NationalIndicator(
            long id,
            String code,
            String namePl,
            String nameEn,
            String unit,
            @Nullable BigDecimal baseline,
            @Nullable Integer baselineYear,
            @Nullable BigDecimal target,
            @Nullable Integer targetYear,
            Improvement improvement,
            TimeRule timeRule,
            @Nullable String source,
            @Nullable BigDecimal latestValue,
            @Nullable Integer latestYear,
            @Nullable Long directionId,
            SortedMap<Integer, BigDecimal> targets) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : namePl;
        }

        /** The targets the progress rule compares with: the yearly ones, or the final target in its year. */
        public SortedMap<Integer, BigDecimal> plan() {
            if (!targets.isEmpty() || target == null || targetYear == null) {
                return targets;
            }
            return new TreeMap<>(Map.of(targetYear, target));
        }

        public ProgressRule.Definition definition() {
            return new ProgressRule.Definition(baseline, baselineYear, plan(), improvement, timeRule);
        }
    }

    /** One approved value of a regional indicator in a period (or its "data not yet available" mark). */
    public record PeriodValue(
            int year,
            PeriodKind kind,
            @Nullable Integer half,
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expectedDate) {

        /** Order within a year: first half, second half, the whole year. */
        int position() {
            return year * 10 + (kind == PeriodKind.YEAR ? 3 : half == null ? 0 : half);
        }
    }

    /** A regional indicator as the region's current programme defines it, with its approved values. */
    public record RegionalIndicator(
            long id,
            Region region,
            String code,
            String name,
            String unit,
            @Nullable BigDecimal baseline,
            @Nullable Integer baselineYear,
            Improvement improvement,
            TimeRule timeRule,
            @Nullable String source,
            @Nullable Long nationalId,
            RegionRule regionRule,
            SortedMap<Integer, BigDecimal> targets,
            List<PeriodValue> values,
            SortedMap<Integer, BigDecimal> yearly) {

        public ProgressRule.Definition definition() {
            return new ProgressRule.Definition(baseline, baselineYear, targets, improvement, timeRule);
        }

        public @Nullable Integer latestYear() {
            return yearly.isEmpty() ? null : yearly.lastKey();
        }

        public @Nullable BigDecimal latest() {
            return yearly.isEmpty() ? null : yearly.get(yearly.lastKey());
        }

        /** Progress of the latest year's value. */
        public ProgressRule.Progress progress() {
            Integer year = latestYear();
            return year == null
                    ? ProgressRule.of(definition(), null, 0)
                    : ProgressRule.of(definition(), latest(), year);
        }

        public ProgressRule.Progress progress(int year) {
            return ProgressRule.of(definition(), yearly.get(year), year);
        }

        public @Nullable BigDecimal expected(int year) {
            return ProgressRule.expected(definition(), year);
        }

        /** Whether its values add up to the national figure. */
        public boolean aggregated() {
            return nationalId != null && regionRule != RegionRule.NONE;
        }
    }

    /** A KPRES indicator's national figure in one year. */
    public record YearFigure(
            int year,
            BigDecimal value,
            int regions,
            @Nullable BigDecimal expected,
            ProgressRule.Progress progress) {

        public boolean complete() {
            return regions >= REGIONS;
        }
    }

    /** A KPRES indicator with the regional indicators mapped to it and its national figure per year. */
    public record NationalFigures(
            NationalIndicator indicator,
            List<RegionalIndicator> mapped,
            @Nullable RegionRule rule,
            SortedMap<Integer, YearFigure> years) {

        /**
         * The headline figure: the latest year with as many regions as any year had, so that a year still being
         * reported (three regions approved so far) does not stand for the country; it stays in the table, with
         * its count of regions.
         */
        public @Nullable YearFigure latest() {
            int most =
                    years.values().stream().mapToInt(YearFigure::regions).max().orElse(0);
            YearFigure latest = null;
            for (YearFigure year : years.values()) {
                if (year.regions() >= most) {
                    latest = year;
                }
            }
            return latest;
        }

        public ProgressRule.Status status() {
            YearFigure latest = latest();
            return latest == null
                    ? ProgressRule.Status.NO_DATA
                    : latest.progress().status();
        }

        /** The regions whose indicators are aggregated (at most one entry per region). */
        public long aggregatedRegions() {
            return mapped.stream()
                    .filter(RegionalIndicator::aggregated)
                    .map(r -> r.region().id())
                    .distinct()
                    .count();
        }

        /** Years with a national figure or a regional value, in order. */
        public List<Integer> yearsWithValues() {
            TreeMap<Integer, Boolean> all = new TreeMap<>();
            years.keySet().forEach(y -> all.put(y, true));
            mapped.forEach(r -> r.yearly().keySet().forEach(y -> all.put(y, true)));
            return List.copyOf(all.keySet());
        }
    }

    /** A cell of the coherence matrix: a region's actions and indicators for one direction. */
    public record Cell(int actions, int indicators, Map<ProgressRule.Status, Integer> progress) {

        public boolean covered() {
            return actions > 0;
        }

        public int count(ProgressRule.Status status) {
            return progress.getOrDefault(status, 0);
        }
    }

    /** The coherence matrix: regions × directions. */
    public record Matrix(List<Region> regions, List<Direction> directions, Map<Long, Map<Long, Cell>> cells) {

        public Cell cell(Region region, Direction direction) {
            Map<Long, Cell> row = cells.get(region.id());
            Cell cell = row == null ? null : row.get(direction.id());
            return cell == null ? new Cell(0, 0, Map.of()) : cell;
        }

        /** Directions no region's current programme has an action for. */
        public List<Direction> uncoveredDirections() {
            return directions.stream()
                    .filter(d -> regions.stream().noneMatch(r -> cell(r, d).covered()))
                    .toList();
        }

        /** The directions a region's programme has no action for. */
        public List<Direction> gaps(Region region) {
            return directions.stream().filter(d -> !cell(region, d).covered()).toList();
        }

        /** Directions grouped by area, in order. */
        public Map<Area, List<Direction>> byArea() {
            Map<Area, List<Direction>> areas = new LinkedHashMap<>();
            directions.forEach(
                    d -> areas.computeIfAbsent(d.area(), a -> new ArrayList<>()).add(d));
            return areas;
        }
    }

    /**
     * A region's figure for a KPRES indicator in a year: its mapped indicator's year value (the first mapped
     * indicator it has; a region without one, or without an approved value that year, has none).
     */
    public record RegionRow(
            Region region,
            @Nullable RegionalIndicator indicator,
            @Nullable BigDecimal value,
            ProgressRule.Progress progress) {}

    /** Everything the public monitoring pages show, read at once. */
    public record Snapshot(
            List<Region> regions,
            List<Direction> directions,
            List<NationalIndicator> national,
            List<RegionalIndicator> regional,
            Map<Long, Map<Long, Integer>> actions) {

        public Optional<NationalIndicator> national(String code) {
            return national.stream().filter(n -> n.code().equals(code)).findFirst();
        }

        public Optional<Region> region(String slug) {
            return regions.stream().filter(r -> r.slug().equals(slug)).findFirst();
        }

        public Optional<RegionalIndicator> regional(String slug, String code) {
            return regional.stream()
                    .filter(r -> r.region().slug().equals(slug) && r.code().equals(code))
                    .findFirst();
        }

        public Optional<Direction> direction(@Nullable Long id) {
            return id == null
                    ? Optional.empty()
                    : directions.stream().filter(d -> d.id() == id).findFirst();
        }

        public List<NationalFigures> allFigures() {
            return national.stream().map(this::figures).toList();
        }

        /** A KPRES indicator's national figure per year. */
        public NationalFigures figures(NationalIndicator indicator) {
            Map<Long, Integer> order = new HashMap<>();
            for (int i = 0; i < regions.size(); i++) {
                order.put(regions.get(i).id(), i);
            }
            List<RegionalIndicator> mapped = regional.stream()
                    .filter(r -> r.nationalId() != null && r.nationalId() == indicator.id())
                    .sorted(Comparator.comparingInt((RegionalIndicator r) ->
                            order.getOrDefault(r.region().id(), 0)))
                    .toList();
            RegionRule rule = MonitoringFigureRules.ruleOf(mapped);
            SortedMap<Integer, YearFigure> years = new TreeMap<>();
            if (rule != null) {
                // year → region → the region's values (a region with two mapped indicators combines them)
                SortedMap<Integer, Map<Long, List<BigDecimal>>> byYear = new TreeMap<>();
                for (RegionalIndicator r : mapped) {
                    if (!r.aggregated()) {
                        continue;
                    }
                    r.yearly()
                            .forEach((year, value) -> byYear.computeIfAbsent(year, y -> new HashMap<>())
                                    .computeIfAbsent(r.region().id(), id -> new ArrayList<>())
                                    .add(value));
                }
                byYear.forEach((year, regions) -> {
                    List<BigDecimal> perRegion = regions.values().stream()
                            .map(v -> MonitoringFigureRules.combine(rule, v))
                            .toList();
                    BigDecimal value = MonitoringFigureRules.combine(rule, perRegion);
                    ProgressRule.Definition definition = indicator.definition();
                    years.put(
                            year,
                            new YearFigure(
                                    year,
                                    value,
                                    perRegion.size(),
                                    ProgressRule.expected(definition, year),
                                    ProgressRule.of(definition, value, year)));
                });
            }
            return new NationalFigures(indicator, mapped, rule, years);
        }

        /** The coherence matrix of the regions' current programmes. */
        public Matrix matrix() {
            Map<Long, Long> directionOfNational = new HashMap<>();
            national.forEach(n -> {
                if (n.directionId() != null) {
                    directionOfNational.put(n.id(), n.directionId());
                }
            });
            Map<Long, Map<Long, List<RegionalIndicator>>> indicators = new HashMap<>();
            for (RegionalIndicator r : regional) {
                Long direction = r.nationalId() == null ? null : directionOfNational.get(r.nationalId());
                if (direction != null) {
                    indicators
                            .computeIfAbsent(r.region().id(), k -> new HashMap<>())
                            .computeIfAbsent(direction, k -> new ArrayList<>())
                            .add(r);
                }
            }
            Map<Long, Map<Long, Cell>> cells = new HashMap<>();
            for (Region region : regions) {
                Map<Long, Cell> row = new HashMap<>();
                for (Direction direction : directions) {
                    int actionCount =
                            actions.getOrDefault(region.id(), Map.of()).getOrDefault(direction.id(), 0);
                    List<RegionalIndicator> measured =
                            indicators.getOrDefault(region.id(), Map.of()).getOrDefault(direction.id(), List.of());
                    Map<ProgressRule.Status, Integer> progress = new EnumMap<>(ProgressRule.Status.class);
                    measured.forEach(r -> progress.merge(r.progress().status(), 1, Integer::sum));
                    row.put(direction.id(), new Cell(actionCount, measured.size(), progress));
                }
                cells.put(region.id(), row);
            }
            return new Matrix(regions, directions, cells);
        }

        /** Every region's figure for a KPRES indicator in a year, in the regions' order. */
        public List<RegionRow> regionRows(NationalFigures national, int year) {
            List<RegionRow> rows = new ArrayList<>();
            for (Region region : regions) {
                RegionalIndicator indicator = national.mapped().stream()
                        .filter(r -> r.region().id() == region.id())
                        .findFirst()
                        .orElse(null);
                BigDecimal value = indicator == null ? null : indicator.yearly().get(year);
                ProgressRule.Progress progress = indicator == null
                        ? ProgressRule.of(national.indicator().definition(), null, year)
                        : indicator.progress(year);
                rows.add(new RegionRow(region, indicator, value, progress));
            }
            return rows;
        }

        /** KPRES indicators with at least one region's mapped indicator (for the map and the comparison). */
        public List<NationalIndicator> mappedNational() {
            return national.stream()
                    .filter(n -> regional.stream().anyMatch(r -> r.nationalId() != null && r.nationalId() == n.id()))
                    .toList();
        }
    }
}
