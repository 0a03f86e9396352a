package pl.koordes.knowledge.internal.library;

import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The demo library's documents, invented for the demo: what the regions might keep and share. Each line says
 * its kind, region (null: national), year, title, description, tags, what it holds (a file, a link or both) and
 * who may read it.
 */
final class LibraryDemoTexts {

    /** Who may read a demo document. */
    enum Readers {
        PUBLIC,
        /** Editors, administrators and the region's coordinators only. */
        STAFF,
        /** Every regional coordinator. */
        COORDINATORS,
        /** The coordinators and committee members of małopolskie and śląskie. */
        SOUTH,
        /** Committee members of małopolskie. */
        COMMITTEE_MALOPOLSKIE
    }

    /** What a demo document holds. */
    enum Holds {
        PDF,
        TEXT,
        LINK,
        PDF_AND_LINK
    }

    /**
     * One demo document.
     *
     * @param origin "event", "postulate", "programme" or null: what it came from, filled in by the loader
     */
    record Spec(
            DocumentKind kind,
            @Nullable String region,
            int year,
            String title,
            String description,
            List<String> tags,
            Holds holds,
            Readers readers,
            @Nullable String origin) {}

    private LibraryDemoTexts() {}

    static Spec spec(
            DocumentKind kind,
            @Nullable String region,
            int year,
            String title,
            String description,
            String tags,
            Holds holds,
            Readers readers,
            @Nullable String origin) {
        return new Spec(kind, region, year, title, description, List.of(tags.split(", ")), holds, readers, origin);
    }

    static final List<Spec> FIRST = List.of(
            spec(
                    DocumentKind.GOOD_PRACTICE,
                    "malopolskie",
                    2025,
                    "Spółdzielnia socjalna prowadząca stołówkę szkolną w gminie wiejskiej",
                    "Jak gmina i dwie organizacje założyły spółdzielnię, która **codziennie wydaje obiady** w trzech szkołach. Opis kroków, kosztów pierwszego roku i umowy z gminą.",
                    "spółdzielnie socjalne, zamówienia społeczne, gmina",
                    Holds.PDF,
                    Readers.PUBLIC,
                    "event"),
            spec(
                    DocumentKind.GOOD_PRACTICE,
                    "slaskie",
                    2024,
                    "Przejście z warsztatu terapii zajęciowej do zakładu aktywności zawodowej",
                    "Historia pięciu osób, które po latach w warsztacie znalazły zatrudnienie. Co pomogło: trener pracy, stopniowe wydłużanie godzin, rozmowy z rodzinami.",
                    "reintegracja, niepełnosprawność, zatrudnienie wspierane",
                    Holds.TEXT,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.TEMPLATE,
                    null,
                    2025,
                    "Wzór umowy partnerskiej gminy z podmiotem ekonomii społecznej",
                    "Wzór do przystosowania: strony, cel partnerstwa, zadania, sposób rozliczeń, rozwiązywanie sporów. W komentarzach wskazano miejsca, które trzeba uzupełnić.",
                    "umowy, partnerstwo, gmina",
                    Holds.TEXT,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.TEMPLATE,
                    null,
                    2024,
                    "Wzór regulaminu rekrutacji uczestników do centrum integracji społecznej",
                    "Kryteria przyjęcia, dokumenty, tryb odwołania i ochrona danych osobowych uczestników. Wersja uzgodniona z kilkoma ośrodkami pomocy społecznej.",
                    "CIS, rekrutacja, reintegracja",
                    Holds.PDF,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.LEGAL_ACT,
                    null,
                    2022,
                    "Ustawa o ekonomii społecznej — tekst z omówieniem najważniejszych zmian",
                    "Tekst ustawy z krótkim omówieniem: status przedsiębiorstwa społecznego, ulgi, obowiązki sprawozdawcze i rola ROPS.",
                    "ustawa, przedsiębiorstwo społeczne, status",
                    Holds.LINK,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.LEGAL_ACT,
                    null,
                    2023,
                    "Rozporządzenie o sprawozdawczości przedsiębiorstw społecznych — omówienie",
                    "Co i do kiedy przedsiębiorstwo społeczne wykazuje w sprawozdaniu, jakie dane zbiera wojewoda i jak ROPS może pomóc przy pierwszym sprawozdaniu.",
                    "sprawozdawczość, przedsiębiorstwo społeczne",
                    Holds.PDF_AND_LINK,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.REPORT,
                    "malopolskie",
                    2025,
                    "Stan ekonomii społecznej w Małopolsce — raport roczny",
                    "Liczba podmiotów według powiatów, zatrudnienie osób zagrożonych wykluczeniem, przychody i najczęstsze bariery wzrostu.",
                    "raport, diagnoza, statystyka",
                    Holds.PDF,
                    Readers.PUBLIC,
                    "programme"),
            spec(
                    DocumentKind.REPORT,
                    "slaskie",
                    2025,
                    "Diagnoza potrzeb szkoleniowych podmiotów ekonomii społecznej w województwie śląskim",
                    "Wyniki ankiety wśród 140 podmiotów: księgowość, marketing, zamówienia publiczne i zarządzanie zespołem to najczęściej wskazywane potrzeby.",
                    "szkolenia, diagnoza, ankieta",
                    Holds.PDF,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.PRESENTATION,
                    null,
                    2025,
                    "Klauzule społeczne w zamówieniach publicznych — prezentacja ze spotkania sieci",
                    "Slajdy z krajowego spotkania koordynatorów: jakie klauzule stosują urzędy, przykłady zapisów i najczęstsze błędy.",
                    "zamówienia społeczne, klauzule, spotkanie sieci",
                    Holds.PDF,
                    Readers.PUBLIC,
                    "event"),
            spec(
                    DocumentKind.RECORDING,
                    null,
                    2024,
                    "Nagranie webinarium o ekonomizacji organizacji pozarządowych",
                    "Półtoragodzinne nagranie: od działalności odpłatnej do gospodarczej, przykłady trzech stowarzyszeń i pytania uczestników.",
                    "webinarium, organizacje pozarządowe, ekonomizacja",
                    Holds.LINK,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.GOOD_PRACTICE,
                    "pomorskie",
                    2023,
                    "Wypożyczalnia sprzętu rehabilitacyjnego prowadzona przez fundację",
                    "Fundacja z małego miasta prowadzi wypożyczalnię, w której pracują osoby po kryzysie bezdomności. Jak połączyć usługę z reintegracją.",
                    "usługi społeczne, bezdomność, reintegracja",
                    Holds.TEXT,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.GOOD_PRACTICE,
                    "wielkopolskie",
                    2024,
                    "Klaster spółdzielni socjalnych obsługujący zieleń miejską",
                    "Cztery spółdzielnie wspólnie startują w przetargach na utrzymanie zieleni. Opis porozumienia i podziału zleceń.",
                    "spółdzielnie socjalne, współpraca, przetargi",
                    Holds.PDF,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.GOOD_PRACTICE,
                    "lubelskie",
                    2022,
                    "Inkubator przedsiębiorczości społecznej przy uczelni",
                    "Studenci pomagają nowym podmiotom w biznesplanach i promocji; uczelnia udostępnia salę i opiekę prawną.",
                    "inkubacja, uczelnie, wsparcie",
                    Holds.LINK,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.TEMPLATE,
                    "mazowieckie",
                    2024,
                    "Wzór biznesplanu dla nowego przedsiębiorstwa społecznego",
                    "Arkusz z przykładowymi danymi: przychody, koszty zatrudnienia, dotacje na utworzenie miejsc pracy i próg rentowności.",
                    "biznesplan, dotacje, zakładanie",
                    Holds.TEXT,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.TEMPLATE,
                    null,
                    2025,
                    "Wzór sprawozdania z realizacji regionalnego programu rozwoju ekonomii społecznej",
                    "Struktura sprawozdania, które ROPS przygotowuje co roku: działania, wskaźniki, wydatki i wnioski na kolejny rok.",
                    "sprawozdawczość, program regionalny, ROPS",
                    Holds.TEXT,
                    Readers.COORDINATORS,
                    null),
            spec(
                    DocumentKind.REPORT,
                    "dolnoslaskie",
                    2023,
                    "Ewaluacja wsparcia ośrodków wsparcia ekonomii społecznej",
                    "Ewaluacja trzech lat działania OWES: ile miejsc pracy powstało, ile przetrwało dwa lata i co decydowało o trwałości.",
                    "OWES, ewaluacja, trwałość",
                    Holds.PDF,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.REPORT,
                    "podkarpackie",
                    2024,
                    "Ekonomia społeczna na obszarach wiejskich Podkarpacia",
                    "Koła gospodyń wiejskich, spółdzielnie i fundacje lokalne — ich usługi, przychody i relacje z samorządem.",
                    "obszary wiejskie, KGW, samorząd",
                    Holds.PDF_AND_LINK,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.PRESENTATION,
                    "lodzkie",
                    2025,
                    "Usługi społeczne użyteczności publicznej — prezentacja dla gmin",
                    "Jak gmina może zlecać usługi opiekuńcze podmiotom ekonomii społecznej; przykłady z trzech powiatów.",
                    "usługi społeczne, gmina, zlecanie zadań",
                    Holds.PDF,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.PRESENTATION,
                    "kujawsko-pomorskie",
                    2023,
                    "Marka produktów ekonomii społecznej w regionie",
                    "Slajdy o wspólnym znaku dla produktów i usług podmiotów z regionu: kryteria, komisja i promocja na targach.",
                    "marka, promocja, sprzedaż",
                    Holds.TEXT,
                    Readers.PUBLIC,
                    null),
            spec(
                    DocumentKind.RECORDING,
                    "zachodniopomorskie",
                    2025,
                    "Nagranie debaty o mieszkalnictwie wspomaganym",
                    "Zapis dyskusji samorządowców i organizacji o mieszkaniach treningowych i wspomaganych.",
                    "mieszkalnictwo, usługi społeczne, debata",
                    Holds.LINK,
                    Readers.PUBLIC,
                    null));

    /** Every demo document, in the order they are loaded. */
    static final List<Spec> DOCUMENTS =
            Stream.concat(FIRST.stream(), LibraryDemoMoreTexts.MORE.stream()).toList();
}
