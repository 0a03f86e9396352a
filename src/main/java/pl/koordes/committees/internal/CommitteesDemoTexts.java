package pl.koordes.committees.internal;

import java.util.List;

/**
 * The invented texts of the committees' demo: a year of meetings, the members added to the directory's
 * demo committees, resolutions, an opinion and minutes. Written for the demonstration; names plainly made up.
 */
final class CommitteesDemoTexts {

    /** A meeting of the demo year: how many days before (negative: after) today, its title and whether public. */
    record MeetingSpec(int daysAgo, String title, boolean publicMeeting) {}

    /** The six meetings of the past year (the third cancelled) and the two to come (convened, draft). */
    static final List<MeetingSpec> PAST = List.of(
            new MeetingSpec(330, "Posiedzenie inaugurujące rok pracy komitetu", true),
            new MeetingSpec(270, "Sprawozdanie z realizacji programu za poprzedni rok", false),
            new MeetingSpec(210, "Posiedzenie wyjazdowe w przedsiębiorstwie społecznym", false),
            new MeetingSpec(150, "Przegląd wsparcia udzielonego przez ośrodki wsparcia ekonomii społecznej", true),
            new MeetingSpec(90, "Zakup usług społecznych przez samorządy — dobre praktyki", false),
            new MeetingSpec(30, "Projekt aktualizacji regionalnego programu rozwoju ekonomii społecznej", true));

    /** Index in {@link #PAST} of the cancelled meeting. */
    static final int CANCELLED = 2;

    static final String CANCEL_REASON =
            "Gospodarz wizyty odwołał przyjęcie grupy z powodu awarii w zakładzie; spotkanie przeniesiemy na wiosnę.";

    static final MeetingSpec CONVENED = new MeetingSpec(-20, "Plan pracy komitetu na przyszły rok", true);
    static final MeetingSpec DRAFT = new MeetingSpec(-75, "Ocena śródokresowa programu — przygotowanie", false);

    static String agenda(String title) {
        return """
                1. Otwarcie posiedzenia i przyjęcie porządku obrad.
                2. %s.
                3. Informacja sekretarza o sprawach bieżących.
                4. Wolne wnioski i zamknięcie posiedzenia.""".formatted(title);
    }

    /** A member added to a demo committee: name, organisation, sector (the directory's), body kind, function form. */
    record MemberSpec(String fullName, String organisation, String sector, String bodyKind, String form) {}

    /** małopolskie: the absent member, one who joined mid-way and one whose term ended (history). */
    static final MemberSpec ABSENT_MALOPOLSKIE = new MemberSpec(
            "Bartosz Umowny", "Regionalna Organizacja Pracodawców (demo)", "EMPLOYERS", "EMPLOYERS", "MASCULINE");

    static final MemberSpec JOINED_MALOPOLSKIE =
            new MemberSpec("Helena Wzorcowa", "Uniwersytet Przykładowy (demo)", "SCIENCE", "RESEARCH", "FEMININE");
    static final MemberSpec ENDED_MALOPOLSKIE = new MemberSpec(
            "Roman Próbny", "Regionalny Związek Zawodowy (demo)", "TRADE_UNION", "TRADE_UNION", "MASCULINE");

    /** The demo committee member's own seat, linked to the account komitet.malopolskie@. */
    static final MemberSpec LINKED_MALOPOLSKIE = new MemberSpec(
            "Kamila Komitetowa",
            "Związek Rewizyjny Spółdzielni Socjalnych (demo)",
            "COOPERATIVE",
            "COOPERATIVE_UNION",
            "FEMININE");

    /** śląskie: a member flagged once and kept by the marshal, one who joined mid-way, one whose term ended. */
    static final MemberSpec ABSENT_SLASKIE = new MemberSpec(
            "Łukasz Makietowy", "Izba Gospodarcza Pracodawców (demo)", "EMPLOYERS", "EMPLOYERS", "MASCULINE");

    static final MemberSpec JOINED_SLASKIE =
            new MemberSpec("Zofia Szablonowa", "Politechnika Przykładowa (demo)", "SCIENCE", "RESEARCH", "FEMININE");
    static final MemberSpec ENDED_SLASKIE = new MemberSpec(
            "Marek Testowy", "Związek Spółdzielni Pracy (demo)", "COOPERATIVE", "COOPERATIVE_UNION", "MASCULINE");

    static final String EXCUSE = "Udział w szkoleniu poza województwem.";

    static final String KEPT_NOTE =
            "Marszałek pozostawił członka w składzie po wyjaśnieniach: nieobecności wynikały z choroby.";

    /** A resolution or opinion of the demo: the meeting it was adopted at (index in PAST), kind, title, public. */
    record ResolutionSpec(int meeting, String kind, String title, String body, boolean publicResolution) {}

    static final List<ResolutionSpec> RESOLUTIONS = List.of(
            new ResolutionSpec(
                    0,
                    "RESOLUTION",
                    "w sprawie przyjęcia planu pracy komitetu",
                    "Komitet przyjmuje plan pracy na bieżący rok, stanowiący załącznik do uchwały. "
                            + "Plan obejmuje sześć posiedzeń, w tym jedno wyjazdowe.",
                    true),
            new ResolutionSpec(
                    3,
                    "RESOLUTION",
                    "w sprawie powołania zespołu roboczego do spraw zakupów społecznie odpowiedzialnych",
                    "Komitet powołuje zespół roboczy w składzie trzech członków. Zespół przedstawi propozycje "
                            + "na najbliższym posiedzeniu. Uchwała ma charakter wewnętrzny do czasu zakończenia prac.",
                    false),
            new ResolutionSpec(
                    4,
                    "RESOLUTION",
                    "w sprawie rekomendacji dla samorządów dotyczących klauzul społecznych",
                    "Komitet rekomenduje gminom i powiatom stosowanie klauzul społecznych w zamówieniach "
                            + "o wartości poniżej progów unijnych oraz dzielenie zamówień na części.",
                    true));

    static final String OPINION_TITLE =
            "w sprawie projektu aktualizacji regionalnego programu rozwoju ekonomii społecznej";
    static final String OPINION_BODY =
            "Komitet pozytywnie opiniuje projekt aktualizacji programu. Zwraca uwagę, że nowe działanie dotyczące "
                    + "znaku jakości wymaga wskaźnika rezultatu, a wyższe cele zatrudnienia — harmonogramu naboru "
                    + "wniosków w kolejnych latach.";

    static final String MINUTES_FIRST = """
            Posiedzenie otwarto o godzinie 10:00. Komitet przyjął porządek obrad bez zmian.
            Przedstawiciele trzech gmin opowiedzieli o zamówieniach z klauzulą społeczną.
            Komitet przyjął uchwałę w sprawie rekomendacji dla samorządów.""";
    static final String MINUTES_SECOND =
            MINUTES_FIRST + "\nW dyskusji zwrócono uwagę na potrzebę szkoleń dla urzędników zamówień publicznych.";
    static final String MINUTES_SECOND_NOTE = "Uzupełnione o wnioski z dyskusji zgłoszone w uwagach.";

    static final String MINUTES_REVIEW = """
            Przedstawiono projekt aktualizacji programu i jego uzasadnienie.
            Członkowie zgłosili uwagi do wskaźników nowego działania.
            Komitet przyjął opinię w sprawie projektu aktualizacji programu.""";
    static final String REMARK = "Proszę dopisać, że uwagi do wskaźników zgłosił zespół roboczy, a nie cały komitet.";

    static final String DOCUMENT_TITLE = "Projekt planu pracy na przyszły rok";

    private CommitteesDemoTexts() {}
}
