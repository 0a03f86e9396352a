package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.security.Role;

/**
 * Three invented surveys: last spring's survey of the regions' advisory needs (closed, answered by 13 of
 * the 16 regional centres), an open anonymous survey of training needs with about forty answers from
 * people outside the demo accounts (so every demo account can still answer it), and an unpublished draft.
 * Answers are drawn from a fixed seed, so every demo database shows the same results.
 */
@Component
@Order(120)
@ConditionalOnBooleanProperty("koordes.site.demo")
class SurveysDemoData implements ApplicationRunner {

    static final String CLOSED_TITLE = "Potrzeby doradcze ekonomii społecznej 2026";
    static final String OPEN_TITLE = "Potrzeby szkoleniowe na 2027 rok";
    static final String DRAFT_TITLE = "Ocena webinarium (szkic)";

    private static final Logger log = LoggerFactory.getLogger(SurveysDemoData.class);
    /** Regions whose centre did not answer the closed survey, so the map shows gaps. */
    private static final Set<String> SILENT_REGIONS = Set.of("lubuskie", "opolskie", "podlaskie");

    private static final List<String> URGENT_TOPICS = List.of(
            "Klauzule społeczne w zamówieniach gmin i powiatów",
            "Jak mierzyć trwałość miejsc pracy w przedsiębiorstwach społecznych",
            "Przygotowanie aktualizacji regionalnego programu do przeglądu śródokresowego",
            "Współpraca z powiatowymi urzędami pracy przy reintegracji",
            "Wsparcie spółdzielni socjalnych osób prawnych zakładanych przez gminy",
            "Zwrotne instrumenty finansowe dla małych podmiotów",
            "Dane o podmiotach ekonomii społecznej z rejestrów publicznych");
    private static final List<String> SITUATIONS = List.of(
            "Gminy pytają nas o wzory zapisów klauzul społecznych, a nie mamy osoby, która zna praktykę"
                    + " orzeczniczą. Doradca pomógłby przygotować materiał dla zamawiających.",
            "Komitet regionalny chce ocenić postęp programu, ale wskaźniki liczymy różnie niż sąsiednie"
                    + " województwa. Potrzebujemy wspólnej metody i kogoś, kto ją przeprowadzi z zespołem.",
            "Po zmianie zarządu województwa program wymaga aktualizacji. Chcemy przejść przez nią z osobą,"
                    + " która robiła to w innym regionie.",
            "Kilka podmiotów straciło status przedsiębiorstwa społecznego. Szukamy wsparcia w rozmowach"
                    + " z nimi o dalszym działaniu.",
            "Mamy dobre doświadczenia z wizytami studyjnymi, ale brakuje nam doradztwa przy przenoszeniu"
                    + " rozwiązań do naszych warunków.",
            "Nowy zespół w ROPS potrzebuje wprowadzenia w monitorowanie i sprawozdawczość programu.");
    private static final List<String> TRAINING_GAPS = List.of(
            "Szkolenia są głównie w stolicy województwa, a dojazd z małych miejscowości zajmuje cały dzień.",
            "Brakuje zajęć praktycznych z rozliczania projektów, same wykłady niewiele dają.",
            "Przydałyby się krótkie webinaria nagrywane, do obejrzenia po pracy.",
            "Mało jest szkoleń dla zarządów spółdzielni socjalnych o zarządzaniu finansami.",
            "Chciałabym więcej spotkań z osobami, które prowadzą podobne podmioty w innych regionach.",
            "Oferta jest dobra, ale terminy pokrywają się z okresem rozliczeń.",
            "Brakuje szkoleń z dostępności cyfrowej stron i dokumentów.");

    private final SurveysDemoWriter write;
    private final Directory directory;
    private final RoleHolders holders;
    private final DemoData demoData;
    private final Clock clock;

    SurveysDemoData(JdbcClient jdbc, Directory directory, RoleHolders holders, DemoData demoData, Clock clock) {
        this.write = new SurveysDemoWriter(jdbc, clock);
        this.directory = directory;
        this.holders = holders;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("surveys")) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(SurveysDemoWriter.WARSAW));
        Random random = new Random(2026);
        closedSurvey(today, random);
        openSurvey(today, random);
        draftSurvey();
        log.info("Loaded the surveys demo data: three surveys");
    }

    private void closedSurvey(LocalDate today, Random random) {
        long survey = write.survey(
                CLOSED_TITLE,
                "Ankieta dla regionalnych ośrodków polityki społecznej. Pytamy, jakiego doradztwa potrzebujecie"
                        + " w pracy nad regionalnym programem rozwoju ekonomii społecznej. Jeden ośrodek wypełnia"
                        + " jedną ankietę; zajmie to około 10 minut. Na podstawie odpowiedzi zaplanujemy"
                        + " spotkania i porady na kolejne półrocze.",
                SurveysDemoWriter.at(today.minusDays(60), 9, 0),
                SurveysDemoWriter.at(today.minusDays(20), 16, 0),
                "INSTITUTION",
                false,
                "PUBLIC",
                true,
                "{REGIONAL_COORDINATOR}",
                false);
        long first = write.section(survey, 1, "Doradztwo w regionie", "");
        long used = write.question(
                survey,
                first,
                1,
                "SINGLE_CHOICE",
                "Czy w ostatnim roku ośrodek korzystał z doradztwa w ramach programu?",
                "",
                true,
                false,
                "",
                "");
        List<Long> usedOptions = write.options(used, "Tak", "Nie", "Nie wiem");
        long topics = write.question(
                survey,
                first,
                2,
                "MULTIPLE_CHOICE",
                "Jakich tematów doradztwa potrzebujecie najbardziej?",
                "Można wybrać kilka odpowiedzi.",
                true,
                true,
                "",
                "");
        List<Long> topicOptions = write.options(
                topics,
                "Zamówienia publiczne z klauzulami społecznymi",
                "Aktualizacja regionalnego programu",
                "Monitorowanie wskaźników",
                "Współpraca z samorządami gminnymi",
                "Finansowanie zwrotne dla podmiotów");
        long rating = write.question(
                survey,
                first,
                3,
                "SCALE",
                "Jak oceniacie dotychczasowe wsparcie doradcze?",
                "",
                true,
                false,
                "bardzo źle",
                "bardzo dobrze");
        write.condition(rating, usedOptions.get(0));
        long second = write.section(
                survey, 2, "Formy wsparcia", "Oceńcie, na ile poszczególne formy pomagają w Waszej pracy.");
        long forms = write.question(
                survey,
                second,
                1,
                "MATRIX",
                "Na ile przydatne są dla Was poniższe formy wsparcia?",
                "",
                true,
                false,
                "nieprzydatne",
                "bardzo przydatne");
        List<Long> formRows =
                write.rows(forms, "Doradztwo indywidualne", "Warsztaty grupowe", "Webinaria", "Wizyty studyjne");
        long people = write.question(
                survey,
                second,
                2,
                "NUMBER",
                "Ile osób z Waszego zespołu skorzystałoby z doradztwa w przyszłym półroczu?",
                "",
                false,
                false,
                "",
                "");
        long start = write.question(
                survey,
                second,
                3,
                "DATE",
                "Od kiedy możecie rozpocząć współpracę z doradcą?",
                "",
                false,
                false,
                "",
                "");
        long third = write.section(survey, 3, "Uwagi", "");
        long urgent = write.question(
                survey, third, 1, "SHORT_TEXT", "Najpilniejszy temat w jednym zdaniu", "", false, false, "", "");
        long situation = write.question(
                survey,
                third,
                2,
                "LONG_TEXT",
                "Opiszcie sytuację, w której doradztwo najbardziej by pomogło",
                "",
                false,
                false,
                "",
                "");

        Map<Long, Long> centres = directory.regionalCentres();
        int index = 0;
        for (Region region : directory.regions()) {
            if (SILENT_REGIONS.contains(region.slug())) {
                continue;
            }
            Long centre = centres.get(region.id());
            if (centre == null) {
                continue;
            }
            @Nullable
            Long account = holders.active(List.of(Role.REGIONAL_COORDINATOR), region.id()).stream()
                    .findFirst()
                    .map(RoleHolders.Holder::accountId)
                    .orElse(null);
            LocalDate day = today.minusDays(58L - 2L * index);
            long response = write.response(
                    survey, account, centre, region.id(), "ROPS", day, SurveysDemoWriter.at(day, 10 + index % 6, 15));
            boolean tookAdvice = random.nextInt(10) < 7;
            write.choice(response, used, usedOptions.get(tookAdvice ? 0 : (random.nextBoolean() ? 1 : 2)));
            List<Long> chosen = new ArrayList<>();
            for (long option : topicOptions) {
                if (random.nextInt(10) < 5) {
                    chosen.add(option);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(topicOptions.get(index % topicOptions.size()));
            }
            chosen.forEach(option -> write.choice(response, topics, option));
            if (index % 5 == 2) {
                write.other(
                        response,
                        topics,
                        "Ekonomia społeczna w usługach społecznych świadczonych w społeczności lokalnej");
            }
            if (tookAdvice) {
                write.scale(response, rating, null, 2 + random.nextInt(4));
            }
            for (long row : formRows) {
                write.scale(response, forms, row, 1 + random.nextInt(5));
            }
            if (index % 4 != 3) {
                write.number(response, people, 1 + random.nextInt(8));
            }
            if (index % 3 != 1) {
                write.date(response, start, today.plusDays(10L + 7L * random.nextInt(12)));
            }
            write.text(response, urgent, URGENT_TOPICS.get(index % URGENT_TOPICS.size()));
            if (index % 2 == 0) {
                write.text(response, situation, SITUATIONS.get((index / 2) % SITUATIONS.size()));
            }
            index++;
        }
    }

    private void openSurvey(LocalDate today, Random random) {
        long survey = write.survey(
                OPEN_TITLE,
                "Krótka ankieta dla osób pracujących w podmiotach ekonomii społecznej i wspierających je"
                        + " instytucjach. Odpowiedzi są anonimowe: zapisujemy je bez danych osoby, która je wysłała."
                        + " Wyniki zobaczą osoby, które odpowiedziały.",
                SurveysDemoWriter.at(today.minusDays(5), 8, 0),
                SurveysDemoWriter.at(today.plusDays(25), 23, 59),
                "PERSON",
                true,
                "RESPONDENTS",
                false,
                "{PARTICIPANT,COMMITTEE_MEMBER,EXPERT,REGIONAL_COORDINATOR}",
                true);
        long section = write.section(survey, 1, "Twoje potrzeby szkoleniowe", "");
        long wanted = write.question(
                survey,
                section,
                1,
                "MULTIPLE_CHOICE",
                "Jakie szkolenia byłyby dla Ciebie przydatne w 2027 roku?",
                "Można wybrać kilka odpowiedzi.",
                true,
                true,
                "",
                "");
        List<Long> wantedOptions = write.options(
                wanted,
                "Prowadzenie działalności gospodarczej w podmiocie ekonomii społecznej",
                "Marketing i sprzedaż usług",
                "Rozliczanie dotacji i pożyczek",
                "Zatrudnianie osób z niepełnosprawnościami");
        long form = write.question(
                survey, section, 2, "SINGLE_CHOICE", "Jaka forma szkolenia Ci odpowiada?", "", true, false, "", "");
        List<Long> formOptions = write.options(form, "Stacjonarnie", "Online", "Hybrydowo");
        long access = write.question(
                survey,
                section,
                3,
                "SCALE",
                "Jak oceniasz dostępność szkoleń w Twoim województwie?",
                "",
                false,
                false,
                "bardzo słabo",
                "bardzo dobrze");
        long gaps = write.question(
                survey,
                section,
                4,
                "LONG_TEXT",
                "Czego brakuje Ci w obecnej ofercie szkoleń?",
                "",
                false,
                false,
                "",
                "");
        List<Region> regions = directory.regions();
        List<String> kinds = List.of("NGO", "SOCIAL_ECONOMY_ENTITY", "SOCIAL_ENTERPRISE", "MUNICIPALITY", "OWES");
        for (int i = 0; i < 41; i++) {
            Region region = regions.get(random.nextInt(regions.size()));
            LocalDate day = today.minusDays(random.nextInt(5));
            // Anonymous: no person and only the day, as answering stores them.
            long response =
                    write.response(survey, null, null, region.id(), kinds.get(random.nextInt(kinds.size())), day, null);
            boolean any = false;
            for (long option : wantedOptions) {
                if (random.nextInt(10) < 4) {
                    write.choice(response, wanted, option);
                    any = true;
                }
            }
            if (!any) {
                write.choice(response, wanted, wantedOptions.get(i % wantedOptions.size()));
            }
            write.choice(response, form, formOptions.get(random.nextInt(10) < 5 ? 1 : random.nextInt(3)));
            if (i % 6 != 5) {
                write.scale(response, access, null, 1 + random.nextInt(5));
            }
            if (i % 3 == 0) {
                write.text(response, gaps, TRAINING_GAPS.get((i / 3) % TRAINING_GAPS.size()));
            }
        }
    }

    private void draftSurvey() {
        long survey = write.survey(
                DRAFT_TITLE,
                "Ankieta po webinarium: trzy pytania o to, czy spotkanie było przydatne.",
                null,
                null,
                "PERSON",
                false,
                "OPERATORS",
                true,
                "{PARTICIPANT}",
                false);
        long section = write.section(survey, 1, "Ocena", "");
        write.question(
                survey, section, 1, "SCALE", "Jak oceniasz webinarium?", "", true, false, "słabo", "bardzo dobrze");
        write.question(survey, section, 2, "LONG_TEXT", "Co możemy zrobić lepiej?", "", false, false, "", "");
    }
}
