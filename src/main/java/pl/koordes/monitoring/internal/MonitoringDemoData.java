package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringDemoSpecs.ActionSpec;
import pl.koordes.monitoring.internal.MonitoringDemoSpecs.GoalSpec;
import pl.koordes.monitoring.internal.MonitoringDemoSpecs.IndicatorSpec;
import pl.koordes.shared.database.DemoData;

/**
 * Invented demonstration data for monitoring (default profile only): directions and actions of the national
 * programme in our own words, 16 regional programmes with goals, actions mapped to directions and 5 to 10
 * indicators each, yearly reporting periods 2021–2025 and values in every state, so that every page has
 * something to show. Programme names and resolution numbers say "(demo)".
 *
 * <p>The states of 2025, the open period: małopolskie has a returned, a submitted, a "data not yet
 * available" and draft values (its coordinator has something to do), śląskie has submitted everything (the
 * operator has something to approve), other regions vary from approved to not started. Dolnośląskie has an
 * adopted update (two versions), małopolskie and śląskie a draft update, śląskie's with the committee's
 * opinion. Direction IV.3 is covered by no region, so the coherence matrix has a gap to show. The national
 * part (directions, national actions, periods) is {@link MonitoringDemoNational}, the fixed specifications
 * {@link MonitoringDemoSpecs}; this class loads the regions' programmes and values.
 */
@Component
@Order(100)
@ConditionalOnBooleanProperty("koordes.site.demo")
class MonitoringDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);

    static final int FIRST_YEAR = 2021;
    static final int OPEN_YEAR = 2025;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DemoData demoData;
    private final Clock clock;

    MonitoringDemoData(JdbcClient jdbc, Directory directory, DemoData demoData, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("monitoring")) {
            return;
        }
        MonitoringDemoNational national = new MonitoringDemoNational(jdbc, clock);
        Map<String, Long> directions = national.directions();
        Map<String, Long> nationalIndicators = new HashMap<>();
        jdbc.sql("select code, id from monitoring_national_indicator")
                .query((rs, n) -> nationalIndicators.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<Integer, Long> periods = national.periods();
        List<Region> regions = directory.regions();
        int values = 0;
        for (int i = 0; i < regions.size(); i++) {
            values += loadRegion(i, regions.get(i), directions, nationalIndicators, periods);
        }
        log.info(
                "Loaded demonstration monitoring: {} directions, {} regional programmes, {} values",
                directions.size(),
                regions.size(),
                values);
    }

    /** Loads one region's programme, indicators and values; answers how many values it stored. */
    private int loadRegion(
            int index,
            Region region,
            Map<String, Long> directions,
            Map<String, Long> nationalIndicators,
            Map<Integer, Long> periods) {
        Random random = new Random(1000L + index);
        // How well the region does: on track, at risk or off track, so the progress pages show all three.
        double performance = switch (index % 3) {
            case 0 -> 1.05;
            case 1 -> 0.85;
            default -> 0.55;
        };
        double scale = 0.6 + (index % 5) * 0.2;
        long programmeId = jdbc.sql("insert into monitoring_programme (region_id) values (:r) returning id")
                .param("r", region.id())
                .query(Long.class)
                .single();
        String name = "Regionalny program rozwoju ekonomii społecznej – " + region.namePl() + " (demo)";
        List<IndicatorSpec> specs = MonitoringDemoSpecs.INDICATORS.subList(0, 5 + index % 6);
        Map<String, Long> indicatorIds = new HashMap<>();
        for (IndicatorSpec spec : specs) {
            indicatorIds.put(
                    spec.code(),
                    jdbc.sql("insert into monitoring_indicator (region_id, code) values (:r, :c) returning id")
                            .param("r", region.id())
                            .param("c", spec.code())
                            .query(Long.class)
                            .single());
        }
        boolean hasAdoptedUpdate = "dolnoslaskie".equals(region.slug());
        boolean hasDraftUpdate = "malopolskie".equals(region.slug()) || "slaskie".equals(region.slug());
        LocalDate adopted = LocalDate.of(2021, 2 + index % 9, 10 + index);
        Map<Integer, Long> lineage = new HashMap<>();
        long first = insertVersion(
                programmeId,
                1,
                hasAdoptedUpdate ? VersionStatus.SUPERSEDED : VersionStatus.CURRENT,
                name,
                "XL/" + (400 + index * 7) + "/21 (demo)",
                adopted,
                null,
                adopted);
        fillVersion(first, index, false, lineage, specs, indicatorIds, directions, nationalIndicators, scale, 1.0);
        if (hasAdoptedUpdate) {
            long second = insertVersion(
                    programmeId,
                    2,
                    VersionStatus.CURRENT,
                    name,
                    "XVII/" + (250 + index) + "/24 (demo)",
                    LocalDate.of(2024, 6, 18),
                    "Aktualizacja po ocenie śródokresowej: wyższe cele zatrudnienia i nowe działanie o znaku jakości.",
                    LocalDate.of(2024, 6, 18));
            fillVersion(second, index, true, lineage, specs, indicatorIds, directions, nationalIndicators, scale, 1.1);
        }
        if (hasDraftUpdate) {
            long draft = insertVersion(
                    programmeId,
                    2,
                    VersionStatus.DRAFT,
                    name,
                    null,
                    null,
                    "Projekt aktualizacji: dodane działanie o znaku jakości i wyższe cele na lata 2026–2030.",
                    null);
            fillVersion(draft, index, true, lineage, specs, indicatorIds, directions, nationalIndicators, scale, 1.15);
            if ("slaskie".equals(region.slug())) {
                jdbc.sql("""
                                update monitoring_programme_version set committee_opinion = :o, committee_opinion_date = :d
                                where id = :id""")
                        .param(
                                "o",
                                "Komitet popiera projekt aktualizacji i prosi o doprecyzowanie, jak będzie mierzony nowy cel dotyczący znaku jakości. (demo)")
                        .param("d", LocalDate.now(clock).minusDays(6))
                        .param("id", draft)
                        .update();
            }
        }
        return loadValues(index, region, specs, indicatorIds, periods, random, performance, scale);
    }

    private long insertVersion(
            long programmeId,
            int number,
            VersionStatus status,
            String name,
            @Nullable String resolution,
            @Nullable LocalDate resolutionDate,
            @Nullable String rationale,
            @Nullable LocalDate adopted) {
        return jdbc.sql("""
                        insert into monitoring_programme_version
                            (programme_id, number, status, name, resolution_number, resolution_date, period_start,
                             period_end, rationale, adopted_at)
                        values (:p, :n, :s, :name, :res, :resDate, 2021, 2030, :rationale, :adopted)
                        returning id""")
                .param("p", programmeId)
                .param("n", number)
                .param("s", status.name())
                .param("name", name)
                .param("res", resolution)
                .param("resDate", resolutionDate)
                .param("rationale", rationale)
                .param("adopted", adopted == null ? null : adopted.atTime(12, 0).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /**
     * Fills a version with goals, actions, mappings, indicators and targets. {@code lineage} maps a goal's
     * (index × 100) and an action's (index × 100 + its index) position to the first version's ids, so a
     * later version's rows share their lineage with the first one's.
     */
    private void fillVersion(
            long versionId,
            int index,
            boolean updated,
            Map<Integer, Long> lineage,
            List<IndicatorSpec> specs,
            Map<String, Long> indicatorIds,
            Map<String, Long> directions,
            Map<String, Long> nationalIndicators,
            double scale,
            double ambition) {
        List<GoalSpec> goals = MonitoringDemoSpecs.goals(index, updated);
        List<Long> goalIds = new ArrayList<>();
        for (int g = 0; g < goals.size(); g++) {
            GoalSpec goal = goals.get(g);
            long goalId = jdbc.sql("""
                            insert into monitoring_goal (version_id, lineage, position, name)
                            values (:v, 0, :p, :name) returning id""")
                    .param("v", versionId)
                    .param("p", g + 1)
                    .param("name", goal.name())
                    .query(Long.class)
                    .single();
            long goalLineage = lineage.computeIfAbsent((g + 1) * 100, k -> goalId);
            jdbc.sql("update monitoring_goal set lineage = :l where id = :id")
                    .param("l", goalLineage)
                    .param("id", goalId)
                    .update();
            goalIds.add(goalId);
            for (int a = 0; a < goal.actions().size(); a++) {
                ActionSpec action = goal.actions().get(a);
                long actionId = jdbc.sql("""
                                insert into monitoring_action (goal_id, lineage, position, name)
                                values (:g, 0, :p, :name) returning id""")
                        .param("g", goalId)
                        .param("p", a + 1)
                        .param("name", action.name())
                        .query(Long.class)
                        .single();
                long actionLineage = lineage.computeIfAbsent((g + 1) * 100 + a + 1, k -> actionId);
                jdbc.sql("update monitoring_action set lineage = :l where id = :id")
                        .param("l", actionLineage)
                        .param("id", actionId)
                        .update();
                for (String direction : action.directions()) {
                    Long directionId = directions.get(direction);
                    if (directionId != null) {
                        jdbc.sql("insert into monitoring_action_direction (action_id, direction_id) values (:a, :d)")
                                .param("a", actionId)
                                .param("d", directionId)
                                .update();
                    }
                }
            }
        }
        int position = 0;
        for (IndicatorSpec spec : specs) {
            long indicatorId = indicatorIds.getOrDefault(spec.code(), 0L);
            jdbc.sql("""
                            insert into monitoring_version_indicator
                                (version_id, indicator_id, goal_id, position, name, unit, baseline, baseline_year,
                                 improvement, time_rule, source, national_indicator_id, region_rule)
                            values (:v, :i, :g, :p, :name, :unit, :baseline, 2020, :improvement, :time, :source,
                                    :national, :rule)""")
                    .param("v", versionId)
                    .param("i", indicatorId)
                    .param("g", goalIds.get(spec.goal()))
                    .param("p", ++position)
                    .param("name", spec.name())
                    .param("unit", spec.unit())
                    .param("baseline", amount(spec, spec.baseline() * scaleOf(spec, scale)))
                    .param("improvement", spec.improvement().name())
                    .param("time", spec.timeRule().name())
                    .param("source", spec.source())
                    .param("national", spec.national() == null ? null : nationalIndicators.get(spec.national()))
                    .param("rule", spec.regionRule().name())
                    .update();
            for (int year = FIRST_YEAR; year <= 2030; year++) {
                jdbc.sql("""
                                insert into monitoring_target (version_id, indicator_id, year, value)
                                values (:v, :i, :y, :value)""")
                        .param("v", versionId)
                        .param("i", indicatorId)
                        .param("y", year)
                        .param("value", amount(spec, planned(spec, year, scale, ambition)))
                        .update();
            }
        }
    }

    /** Percentages and waiting times do not grow with the region's size. */
    private static double scaleOf(IndicatorSpec spec, double scale) {
        return "%".equals(spec.unit()) || "dni".equals(spec.unit()) ? 1.0 : scale;
    }

    /** The planned value in a year: a flow's yearly amount, a stock's straight line from 2020 to 2030. */
    private static double planned(IndicatorSpec spec, int year, double scale, double ambition) {
        double s = scaleOf(spec, scale);
        if (spec.timeRule() == TimeRule.FLOW) {
            return spec.target() * s * ambition;
        }
        double baseline = spec.baseline() * s;
        double target = baseline + (spec.target() * s - baseline) * ambition;
        return baseline + (target - baseline) * (year - 2020) / 10.0;
    }

    private static BigDecimal amount(IndicatorSpec spec, double value) {
        return BigDecimal.valueOf(value).setScale(spec.integer() ? 0 : 2, RoundingMode.HALF_UP);
    }

    private int loadValues(
            int index,
            Region region,
            List<IndicatorSpec> specs,
            Map<String, Long> indicatorIds,
            Map<Integer, Long> periods,
            Random random,
            double performance,
            double scale) {
        int count = 0;
        for (int year = FIRST_YEAR; year <= OPEN_YEAR; year++) {
            long periodId = periods.getOrDefault(year, 0L);
            for (int i = 0; i < specs.size(); i++) {
                IndicatorSpec spec = specs.get(i);
                String status = statusOf(index, region.slug(), year, i);
                if (status == null) {
                    continue;
                }
                double planned = planned(spec, year, scale, 1.0);
                double achieved;
                if (spec.timeRule() == TimeRule.FLOW) {
                    achieved = planned * performance;
                } else {
                    double baseline = spec.baseline() * scaleOf(spec, scale);
                    achieved = baseline + (planned - baseline) * performance;
                }
                achieved *= 0.95 + random.nextDouble() * 0.1;
                boolean notAvailable =
                        year == OPEN_YEAR && i == 3 && (index % 4 == 1 || "malopolskie".equals(region.slug()));
                boolean outlier = year == OPEN_YEAR && i == 1 && index % 7 == 3;
                if (outlier) {
                    achieved *= 4;
                }
                String returnReason = "RETURNED".equals(status)
                        ? "Wartość nie zgadza się ze sprawozdaniem ośrodków wsparcia za ten rok: proszę sprawdzić źródło."
                        : null;
                OffsetDateTime at = OffsetDateTime.of(year + 1, 2, 1 + i, 10, 0, 0, 0, ZoneOffset.UTC);
                long valueId = jdbc.sql("""
                                insert into monitoring_value
                                    (indicator_id, period_id, region_id, status, value, not_available, expected_date,
                                     source, explanation, return_reason, updated_at, submitted_at, approved_at)
                                values (:i, :p, :r, :s, :value, :na, :expected, :source, :explanation, :reason, :at,
                                        :submitted, :approved)
                                returning id""")
                        .param("i", indicatorIds.getOrDefault(spec.code(), 0L))
                        .param("p", periodId)
                        .param("r", region.id())
                        .param("s", status)
                        .param("value", notAvailable ? null : amount(spec, Math.max(0, achieved)))
                        .param("na", notAvailable)
                        .param(
                                "expected",
                                notAvailable
                                        ? LocalDate.now(clock).plusMonths(2).withDayOfMonth(1)
                                        : null)
                        .param("source", spec.source())
                        .param(
                                "explanation",
                                outlier
                                        ? "W tym roku ruszył duży projekt zatrudnieniowy w spółdzielniach socjalnych."
                                        : null)
                        .param("reason", returnReason)
                        .param("at", at)
                        .param("submitted", "DRAFT".equals(status) ? null : at)
                        .param("approved", "APPROVED".equals(status) ? at.plusDays(10) : null)
                        .query(Long.class)
                        .single();
                if (returnReason != null) {
                    jdbc.sql("insert into monitoring_value_note (value_id, body, created_at) values (:v, :b, :at)")
                            .param("v", valueId)
                            .param("b", "Sprawdzimy dane z ośrodków wsparcia i poprawimy wartość do końca tygodnia.")
                            .param("at", at.plusDays(12))
                            .update();
                }
                count++;
            }
        }
        return count;
    }

    /** The state of a region's value in a year, or null when the region has not entered it. */
    private static @Nullable String statusOf(int index, String slug, int year, int indicator) {
        if (year < OPEN_YEAR) {
            return "APPROVED";
        }
        if ("malopolskie".equals(slug)) {
            return switch (indicator) {
                case 0 -> "RETURNED";
                case 1 -> "SUBMITTED";
                default -> "DRAFT";
            };
        }
        if ("slaskie".equals(slug)) {
            return "SUBMITTED";
        }
        return switch (index % 5) {
            case 0 -> "APPROVED";
            case 1 -> "SUBMITTED";
            case 2 -> indicator == 0 ? "RETURNED" : "SUBMITTED";
            case 3 -> "DRAFT";
            default -> null;
        };
    }
}
