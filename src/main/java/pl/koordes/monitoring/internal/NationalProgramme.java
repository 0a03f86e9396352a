package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The national programme (KPRES) as a tree: its areas, each with its directions (each with its national
 * actions and the indicators that measure it) and the indicators of the area as a whole.
 */
public record NationalProgramme(List<AreaNode> areas) {

    /** The number of national indicators in the whole programme. */
    public int indicatorCount() {
        return areas.stream().mapToInt(a -> a.indicators().size()).sum();
    }

    /** An area with its directions and all its indicators (those of its directions included), in order. */
    public record AreaNode(Area area, List<DirectionNode> directions, List<Indicator> indicators) {

        /** The indicators measuring the area as a whole, not one of its directions. */
        public List<Indicator> ownIndicators() {
            return indicators.stream().filter(i -> i.directionId() == null).toList();
        }

        /** The code of the direction an indicator measures, or null for the whole area. */
        public @Nullable Direction directionOf(Indicator indicator) {
            return directions.stream()
                    .map(DirectionNode::direction)
                    .filter(d -> indicator.directionId() != null && d.id() == indicator.directionId())
                    .findFirst()
                    .orElse(null);
        }
    }

    public record DirectionNode(Direction direction, List<Action> actions, List<Indicator> indicators) {}

    /** One of the four areas (kept by the 2030 update). */
    public record Area(long id, String code, String namePl, String nameEn, int position) {

        public String name(Locale locale) {
            return english(locale) ? nameEn : namePl;
        }
    }

    public record Direction(
            long id,
            long areaId,
            String code,
            String namePl,
            String nameEn,
            @Nullable String description,
            int position,
            int rowVersion) {

        public String name(Locale locale) {
            return english(locale) ? nameEn : namePl;
        }
    }

    public record Action(
            long id, long directionId, String code, String namePl, String nameEn, int position, int rowVersion) {

        public String name(Locale locale) {
            return english(locale) ? nameEn : namePl;
        }
    }

    /** A national indicator with its yearly targets (years ascending). */
    public record Indicator(
            long id,
            long areaId,
            @Nullable Long directionId,
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
            int position,
            int rowVersion,
            List<Target> targets) {

        public String name(Locale locale) {
            return english(locale) ? nameEn : namePl;
        }

        /** The indicator's public page (built by the analysis part of monitoring). */
        public String href() {
            return "/monitoring/kpres/wskazniki/" + code;
        }

        public NationalIndicatorForm form() {
            return new NationalIndicatorForm(
                    code,
                    namePl,
                    nameEn,
                    unit,
                    directionId,
                    baseline,
                    baselineYear,
                    target,
                    targetYear,
                    improvement,
                    timeRule,
                    source,
                    latestValue,
                    latestYear,
                    position,
                    rowVersion);
        }

        public NationalTargetsForm targetsForm() {
            return new NationalTargetsForm(
                    targets.stream()
                            .map(t -> new NationalTargetsForm.Row(t.year(), t.value()))
                            .toList(),
                    rowVersion);
        }
    }

    /** A yearly target of a national indicator: a row of its own, never a value in disguise. */
    public record Target(int year, BigDecimal value) {}

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
