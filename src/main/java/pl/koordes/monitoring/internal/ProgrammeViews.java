package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;

/** What the regional programme pages show, read by {@link ProgrammeStore}. */
public final class ProgrammeViews {

    private ProgrammeViews() {}

    /** Directions in groups by area, in their order: the groups of the mapping checkboxes. */
    public static List<List<Direction>> byArea(List<Direction> directions) {
        Map<String, List<Direction>> groups = new LinkedHashMap<>();
        directions.forEach(d ->
                groups.computeIfAbsent(d.areaCode(), k -> new ArrayList<>()).add(d));
        return List.copyOf(groups.values());
    }

    /** A line of the list of the 16 programmes: the current version of a region's programme, if any. */
    public record Listing(Region region, @Nullable Version current, int goals, int actions, int indicators) {}

    /** A version of a programme, without its content. */
    public record Version(
            long id,
            long programmeId,
            long regionId,
            int number,
            VersionStatus status,
            String name,
            @Nullable String resolutionNumber,
            @Nullable LocalDate resolutionDate,
            int periodStart,
            int periodEnd,
            @Nullable String rationale,
            @Nullable String committeeOpinion,
            @Nullable LocalDate committeeOpinionDate,
            @Nullable Instant adoptedAt,
            int rowVersion) {

        /** The day the version was adopted (the public "aktualizacja"), in Warsaw. */
        public @Nullable String adoptedOn() {
            return adoptedAt == null ? null : Formats.date(adoptedAt);
        }

        public @Nullable String resolutionOn() {
            return resolutionDate == null ? null : Formats.date(resolutionDate);
        }

        public String period() {
            return periodStart + "–" + periodEnd;
        }

        public boolean draft() {
            return status == VersionStatus.DRAFT;
        }
    }

    /** A KPRES direction an action is mapped to, with its area. */
    public record Direction(
            long id, String code, String namePl, String nameEn, String areaCode, String areaNamePl, String areaNameEn) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : namePl;
        }

        public String areaName(Locale locale) {
            return "en".equals(locale.getLanguage()) ? areaNameEn : areaNamePl;
        }

        /** The direction's anchor on the KPRES page. */
        public String href() {
            return "/monitoring/kpres#kierunek-" + code;
        }
    }

    /** A KPRES indicator a regional one may be mapped to. */
    public record NationalIndicator(long id, String code, String namePl, String nameEn, String unit) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : namePl;
        }

        public String href() {
            return "/monitoring/kpres/wskazniki/" + code;
        }
    }

    public record Goal(
            long id,
            long lineage,
            int position,
            String name,
            @Nullable String description) {}

    public record Action(
            long id,
            long goalId,
            long lineage,
            int position,
            String name,
            @Nullable String description,
            List<Direction> directions) {}

    /** A regional indicator as one version defines it, with its yearly targets (year → value, in order). */
    public record Indicator(
            long indicatorId,
            String code,
            @Nullable Long goalId,
            int position,
            String name,
            String unit,
            @Nullable BigDecimal baseline,
            @Nullable Integer baselineYear,
            Improvement improvement,
            TimeRule timeRule,
            @Nullable String source,
            @Nullable NationalIndicator national,
            RegionRule regionRule,
            SortedMap<Integer, BigDecimal> targets) {

        public ProgressRule.Definition definition() {
            return new ProgressRule.Definition(baseline, baselineYear, targets, improvement, timeRule);
        }
    }

    /** An indicator's latest approved value and its progress. */
    public record Latest(BigDecimal value, int year, String period, ProgressRule.Progress progress) {}

    /** A version with everything in it. */
    public record Content(Version version, List<Goal> goals, List<Action> actions, List<Indicator> indicators) {

        public List<Action> actionsOf(Goal goal) {
            return actions.stream().filter(a -> a.goalId() == goal.id()).toList();
        }

        public List<Indicator> indicatorsOf(@Nullable Goal goal) {
            return indicators.stream()
                    .filter(i -> goal == null ? i.goalId() == null : i.goalId() != null && i.goalId() == goal.id())
                    .toList();
        }

        public @Nullable Goal goal(@Nullable Long id) {
            return id == null
                    ? null
                    : goals.stream().filter(g -> g.id() == id).findFirst().orElse(null);
        }

        /** Every year with a target in this version, in order: the columns of the targets table. */
        public List<Integer> targetYears() {
            return indicators.stream()
                    .flatMap(i -> i.targets().keySet().stream())
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    /** A region's programme page: the version shown, the latest values and every version's line. */
    public record Page(Region region, Content content, Map<Long, Latest> latest, List<Version> versions) {}
}
