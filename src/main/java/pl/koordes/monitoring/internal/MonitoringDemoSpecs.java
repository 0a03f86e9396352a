package pl.koordes.monitoring.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fixed part of the monitoring demonstration data (directions and actions of the national programme in our
 * own words, the pool of regional indicators, the goals and actions of a regional programme), kept apart from
 * {@link MonitoringDemoData}, which writes them.
 */
final class MonitoringDemoSpecs {

    private MonitoringDemoSpecs() {}

    record DirectionSpec(String area, String code, String namePl, String nameEn, List<String[]> actions) {}

    static final List<DirectionSpec> DIRECTIONS = List.of(
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
    static final Map<String, String> NATIONAL_DIRECTIONS = Map.ofEntries(
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
    record IndicatorSpec(
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

    static final List<IndicatorSpec> INDICATORS = List.of(
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

    record GoalSpec(String name, List<ActionSpec> actions) {}

    record ActionSpec(String name, List<String> directions) {}

    /** The goals and actions of the i-th region's programme; some regions leave directions uncovered. */
    static List<GoalSpec> goals(int index, boolean updated) {
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
}
