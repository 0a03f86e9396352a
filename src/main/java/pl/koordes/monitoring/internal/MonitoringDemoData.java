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
 * opinion. Direction IV.3 is covered by no region, so the coherence matrix has a gap to show.
 */
@Component
@Order(100)
@ConditionalOnBooleanProperty("koordes.site.demo")
class MonitoringDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);

    static final int FIRST_YEAR = 2021;
    static final int OPEN_YEAR = 2025;

    private record DirectionSpec(String area, String code, String namePl, String nameEn, List<String[]> actions) {}

    private static final List<DirectionSpec> DIRECTIONS = List.of(
            new DirectionSpec(
                    "I",
                    "I.1",
                    "Usługi lokalne realizowane wspólnie z podmiotami ekonomii społecznej",
                    "Local services delivered together with social-economy entities",
                    List.<String[]>of(new String[] {
                        "Zlecanie usług społecznych podmiotom ekonomii społecznej przez gminy i powiaty",
                        "Contracting social services to social-economy entities by municipalities and counties"
                    })),
            new DirectionSpec(
                    "I",
                    "I.2",
                    "Zakupy publiczne uwzględniające cele społeczne",
                    "Public purchasing that serves social aims",
                    List.<String[]>of(new String[] {
                        "Upowszechnianie klauzul społecznych w zamówieniach samorządów",
                        "Spreading social clauses in local-government contracts"
                    })),
            new DirectionSpec(
                    "I",
                    "I.3",
                    "Lokalne partnerstwa na rzecz rozwoju ekonomii społecznej",
                    "Local partnerships for the social economy",
                    List.<String[]>of(
                            new String[] {
                                "Wspólne działania ośrodków wsparcia z lokalnymi grupami działania",
                                "Joint work of support centres with local action groups"
                            },
                            new String[] {
                                "Gminne programy współpracy z podmiotami ekonomii społecznej",
                                "Municipal cooperation programmes with social-economy entities"
                            })),
            new DirectionSpec(
                    "II",
                    "II.1",
                    "Miejsca pracy w przedsiębiorstwach społecznych",
                    "Jobs in social enterprises",
                    List.<String[]>of(new String[] {
                        "Dotacje i wsparcie pomostowe na tworzenie miejsc pracy",
                        "Grants and bridging support for new jobs"
                    })),
            new DirectionSpec(
                    "II",
                    "II.2",
                    "Reintegracja społeczna i zawodowa",
                    "Social and vocational reintegration",
                    List.<String[]>of(new String[] {
                        "Rozwój sieci centrów i klubów integracji społecznej",
                        "Growing the network of social-integration centres and clubs"
                    })),
            new DirectionSpec(
                    "II",
                    "II.3",
                    "Praca osób z niepełnosprawnościami w ekonomii społecznej",
                    "Work of people with disabilities in the social economy",
                    List.<String[]>of(new String[] {
                        "Zakłady aktywności zawodowej jako pracodawcy na otwartym rynku",
                        "Vocational activity establishments as employers on the open market"
                    })),
            new DirectionSpec(
                    "III",
                    "III.1",
                    "Rozwój i trwałość przedsiębiorstw społecznych",
                    "Growth and durability of social enterprises",
                    List.<String[]>of(new String[] {
                        "Doradztwo biznesowe i mentoring dla przedsiębiorstw społecznych",
                        "Business advice and mentoring for social enterprises"
                    })),
            new DirectionSpec(
                    "III",
                    "III.2",
                    "Finansowanie zwrotne dla podmiotów ekonomii społecznej",
                    "Repayable finance for social-economy entities",
                    List.<String[]>of(new String[] {
                        "Pożyczki i poręczenia na rozwój działalności", "Loans and guarantees for growth"
                    })),
            new DirectionSpec(
                    "III",
                    "III.3",
                    "Dostęp podmiotów ekonomii społecznej do rynku",
                    "Market access for social-economy entities",
                    List.<String[]>of(new String[] {
                        "Wspólna promocja produktów i usług podmiotów ekonomii społecznej",
                        "Joint promotion of the entities' products and services"
                    })),
            new DirectionSpec(
                    "IV",
                    "IV.1",
                    "Wiedza o ekonomii społecznej w edukacji",
                    "Social economy in education",
                    List.<String[]>of(new String[] {
                        "Zajęcia o przedsiębiorczości społecznej w szkołach",
                        "Classes on social entrepreneurship in schools"
                    })),
            new DirectionSpec(
                    "IV",
                    "IV.2",
                    "Jakość wsparcia i znaki jakości",
                    "Quality of support and quality marks",
                    List.<String[]>of(new String[] {
                        "Akredytacja ośrodków wsparcia i znak jakości dla podmiotów",
                        "Accreditation of support centres and a quality mark for entities"
                    })),
            new DirectionSpec(
                    "IV",
                    "IV.3",
                    "Aktywność obywatelska i wolontariat",
                    "Civic activity and volunteering",
                    List.<String[]>of(new String[] {
                        "Wolontariat w podmiotach ekonomii społecznej", "Volunteering in social-economy entities"
                    })));

    /** National indicator code → the direction it measures (the 2023 data know only the area). */
    private static final Map<String, String> NATIONAL_DIRECTIONS = Map.ofEntries(
            Map.entry("W1", "I.1"),
            Map.entry("W2", "I.2"),
            Map.entry("W3", "I.3"),
            Map.entry("W4", "II.1"),
            Map.entry("W5", "II.2"),
            Map.entry("W6", "II.3"),
            Map.entry("W7", "III.1"),
            Map.entry("W8", "III.3"),
            Map.entry("W9", "III.3"),
            Map.entry("W10", "III.2"),
            Map.entry("W11", "III.1"),
            Map.entry("W12", "IV.2"),
            Map.entry("W13", "IV.2"));

    /**
     * A regional indicator of the demo pool.
     *
     * @param baseline the value in 2020 for an average region (scaled per region)
     * @param target the value in 2030 (for a flow: the yearly amount)
     * @param goal 0, 1 or 2: which goal it measures
     */
    private record IndicatorSpec(
            String code,
            String name,
            String unit,
            @Nullable String national,
            RegionRule regionRule,
            TimeRule timeRule,
            Improvement improvement,
            double baseline,
            double target,
            int goal,
            String source,
            boolean integer) {}

    private static final List<IndicatorSpec> INDICATORS = List.of(
            new IndicatorSpec(
                    "R1",
                    "Liczba przedsiębiorstw społecznych działających w regionie",
                    "liczba",
                    "W7",
                    RegionRule.SUM,
                    TimeRule.STOCK,
                    Improvement.UP,
                    80,
                    150,
                    0,
                    "ROPS, rejestr przedsiębiorstw społecznych",
                    true),
            new IndicatorSpec(
                    "R2",
                    "Liczba nowych miejsc pracy w przedsiębiorstwach społecznych",
                    "liczba",
                    "W4",
                    RegionRule.SUM,
                    TimeRule.FLOW,
                    Improvement.UP,
                    0,
                    220,
                    0,
                    "ROPS na podstawie sprawozdań OWES",
                    true),
            new IndicatorSpec(
                    "R3",
                    "Liczba podmiotów reintegracyjnych (CIS, KIS, WTZ, ZAZ)",
                    "liczba",
                    "W5",
                    RegionRule.SUM,
                    TimeRule.STOCK,
                    Improvement.UP,
                    75,
                    95,
                    1,
                    "GUS, ROPS",
                    true),
            new IndicatorSpec(
                    "R4",
                    "Liczba podmiotów ekonomii społecznej ze znakiem jakości",
                    "liczba",
                    "W13",
                    RegionRule.SUM,
                    TimeRule.STOCK,
                    Improvement.UP,
                    4,
                    25,
                    2,
                    "MRiPS",
                    true),
            new IndicatorSpec(
                    "R5",
                    "Liczba ośrodków wsparcia współpracujących z lokalnymi grupami działania",
                    "liczba",
                    "W3",
                    RegionRule.SUM,
                    TimeRule.STOCK,
                    Improvement.UP,
                    1,
                    4,
                    2,
                    "ROPS",
                    true),
            new IndicatorSpec(
                    "R6",
                    "Liczba osób objętych wsparciem ośrodków wsparcia ekonomii społecznej",
                    "osoby",
                    null,
                    RegionRule.NONE,
                    TimeRule.FLOW,
                    Improvement.UP,
                    0,
                    900,
                    1,
                    "Sprawozdania OWES",
                    true),
            new IndicatorSpec(
                    "R7",
                    "Udział zamówień urzędu marszałkowskiego z klauzulami społecznymi",
                    "%",
                    "W2",
                    RegionRule.AVERAGE,
                    TimeRule.STOCK,
                    Improvement.UP,
                    2.5,
                    8,
                    0,
                    "Urząd marszałkowski",
                    false),
            new IndicatorSpec(
                    "R8",
                    "Średni czas oczekiwania na doradztwo w ośrodku wsparcia",
                    "dni",
                    null,
                    RegionRule.NONE,
                    TimeRule.STOCK,
                    Improvement.DOWN,
                    30,
                    14,
                    2,
                    "Ankiety OWES",
                    true),
            new IndicatorSpec(
                    "R9",
                    "Wartość zamówień udzielonych podmiotom ekonomii społecznej przez samorząd województwa",
                    "mln zł",
                    null,
                    RegionRule.NONE,
                    TimeRule.FLOW,
                    Improvement.UP,
                    1.2,
                    4,
                    0,
                    "Urząd marszałkowski",
                    false),
            new IndicatorSpec(
                    "R10",
                    "Liczba gmin z programem współpracy obejmującym podmioty ekonomii społecznej",
                    "liczba",
                    null,
                    RegionRule.NONE,
                    TimeRule.STOCK,
                    Improvement.UP,
                    40,
                    90,
                    2,
                    "ROPS, przegląd programów gminnych",
                    true));

    private record GoalSpec(String name, List<ActionSpec> actions) {}

    private record ActionSpec(String name, List<String> directions) {}

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
        Map<String, Long> directions = loadNational();
        Map<String, Long> nationalIndicators = new HashMap<>();
        jdbc.sql("select code, id from monitoring_national_indicator")
                .query((rs, n) -> nationalIndicators.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<Integer, Long> periods = loadPeriods();
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

    private Map<String, Long> loadNational() {
        Map<String, Long> areas = new HashMap<>();
        jdbc.sql("select code, id from monitoring_area")
                .query((rs, n) -> areas.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, Long> directions = new HashMap<>();
        int position = 0;
        for (DirectionSpec d : DIRECTIONS) {
            Long areaId = areas.get(d.area());
            if (areaId == null) {
                continue; // an administrator renamed the areas before the demo loaded: nothing to attach to
            }
            long id = jdbc.sql("""
                            insert into monitoring_direction (area_id, code, name_pl, name_en, position)
                            values (:area, :code, :pl, :en, :position) returning id""")
                    .param("area", areaId)
                    .param("code", d.code())
                    .param("pl", d.namePl())
                    .param("en", d.nameEn())
                    .param("position", ++position)
                    .query(Long.class)
                    .single();
            directions.put(d.code(), id);
            int a = 0;
            for (String[] action : d.actions()) {
                a++;
                jdbc.sql("""
                                insert into monitoring_national_action (direction_id, code, name_pl, name_en, position)
                                values (:direction, :code, :pl, :en, :position)""")
                        .param("direction", id)
                        .param("code", d.code() + "." + a)
                        .param("pl", action[0])
                        .param("en", action[1])
                        .param("position", a)
                        .update();
            }
        }
        NATIONAL_DIRECTIONS.forEach((indicator, direction) -> {
            Long directionId = directions.get(direction);
            if (directionId != null) {
                jdbc.sql(
                                "update monitoring_national_indicator set direction_id = :d, baseline_year = coalesce(baseline_year, 2014) where code = :c")
                        .param("d", directionId)
                        .param("c", indicator)
                        .update();
            }
        });
        return directions;
    }

    private Map<Integer, Long> loadPeriods() {
        LocalDate today = LocalDate.now(clock);
        Map<Integer, Long> periods = new HashMap<>();
        for (int year = FIRST_YEAR; year <= OPEN_YEAR; year++) {
            boolean open = year == OPEN_YEAR;
            LocalDate deadline = open ? today.plusDays(20) : LocalDate.of(year + 1, 3, 31);
            long id = jdbc.sql("""
                            insert into monitoring_period (kind, year, deadline, status, opened_at)
                            values ('YEAR', :year, :deadline, :status, :opened) returning id""")
                    .param("year", year)
                    .param("deadline", deadline)
                    .param("status", open ? "OPEN" : "CLOSED")
                    .param("opened", OffsetDateTime.of(year + 1, 1, 10, 9, 0, 0, 0, ZoneOffset.UTC))
                    .query(Long.class)
                    .single();
            periods.put(year, id);
        }
        return periods;
    }

    private static List<GoalSpec> goals(int index, boolean updated) {
        List<String> a1 = new ArrayList<>(List.of("III.1", "II.1"));
        if (index % 5 == 0) {
            a1.add("III.2");
        }
        List<String> a2 = index % 3 == 0 ? List.of("I.2") : List.of("I.2", "III.3");
        List<String> a6 = index % 4 == 2 ? List.of() : List.of("IV.1");
        List<ActionSpec> second = new ArrayList<>();
        second.add(new ActionSpec("Rozwój sieci podmiotów reintegracyjnych w powiatach", List.of("II.2")));
        if (index % 4 != 1) {
            second.add(new ActionSpec(
                    "Zatrudnienie osób z niepełnosprawnościami w podmiotach ekonomii społecznej", List.of("II.3")));
        }
        List<ActionSpec> third = new ArrayList<>(List.of(
                new ActionSpec("Współpraca ośrodków wsparcia z lokalnymi grupami działania", List.of("I.3", "I.1")),
                new ActionSpec("Lekcje i konkursy o ekonomii społecznej dla szkół", a6)));
        if (updated) {
            third.add(new ActionSpec("Znak jakości dla regionalnych produktów i usług społecznych", List.of("IV.2")));
        }
        return List.of(
                new GoalSpec(
                        "Więcej trwałych przedsiębiorstw społecznych i miejsc pracy w nich",
                        List.of(
                                new ActionSpec("Wsparcie zakładania i rozwoju przedsiębiorstw społecznych", a1),
                                new ActionSpec("Zakupy społecznie odpowiedzialne w samorządach regionu", a2))),
                new GoalSpec("Włączenie społeczne przez pracę i reintegrację", second),
                new GoalSpec("Partnerstwo, wiedza i jakość w ekonomii społecznej", third));
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
        List<IndicatorSpec> specs = INDICATORS.subList(0, 5 + index % 6);
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
        List<GoalSpec> goals = goals(index, updated);
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
