package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
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
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
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

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoleHolders holders;
    private final DemoData demoData;
    private final Clock clock;

    SurveysDemoData(JdbcClient jdbc, Directory directory, RoleHolders holders, DemoData demoData, Clock clock) {
        this.jdbc = jdbc;
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
        LocalDate today = LocalDate.now(clock.withZone(WARSAW));
        Random random = new Random(2026);
        closedSurvey(today, random);
        openSurvey(today, random);
        draftSurvey();
        log.info("Loaded the surveys demo data: three surveys");
    }

    private void closedSurvey(LocalDate today, Random random) {
        long survey = survey(
                CLOSED_TITLE,
                "Ankieta dla regionalnych ośrodków polityki społecznej. Pytamy, jakiego doradztwa potrzebujecie"
                        + " w pracy nad regionalnym programem rozwoju ekonomii społecznej. Jeden ośrodek wypełnia"
                        + " jedną ankietę; zajmie to około 10 minut. Na podstawie odpowiedzi zaplanujemy"
                        + " spotkania i porady na kolejne półrocze.",
                at(today.minusDays(60), 9, 0),
                at(today.minusDays(20), 16, 0),
                "INSTITUTION",
                false,
                "PUBLIC",
                true,
                "{REGIONAL_COORDINATOR}",
                false);
        long first = section(survey, 1, "Doradztwo w regionie", "");
        long used = question(
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
        List<Long> usedOptions = options(used, "Tak", "Nie", "Nie wiem");
        long topics = question(
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
        List<Long> topicOptions = options(
                topics,
                "Zamówienia publiczne z klauzulami społecznymi",
                "Aktualizacja regionalnego programu",
                "Monitorowanie wskaźników",
                "Współpraca z samorządami gminnymi",
                "Finansowanie zwrotne dla podmiotów");
        long rating = question(
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
        condition(rating, usedOptions.get(0));
        long second =
                section(survey, 2, "Formy wsparcia", "Oceńcie, na ile poszczególne formy pomagają w Waszej pracy.");
        long forms = question(
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
                rows(forms, "Doradztwo indywidualne", "Warsztaty grupowe", "Webinaria", "Wizyty studyjne");
        long people = question(
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
        long start = question(
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
        long third = section(survey, 3, "Uwagi", "");
        long urgent = question(
                survey, third, 1, "SHORT_TEXT", "Najpilniejszy temat w jednym zdaniu", "", false, false, "", "");
        long situation = question(
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
            long response = response(survey, account, centre, region.id(), "ROPS", day, at(day, 10 + index % 6, 15));
            boolean tookAdvice = random.nextInt(10) < 7;
            choice(response, used, usedOptions.get(tookAdvice ? 0 : (random.nextBoolean() ? 1 : 2)));
            List<Long> chosen = new ArrayList<>();
            for (long option : topicOptions) {
                if (random.nextInt(10) < 5) {
                    chosen.add(option);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(topicOptions.get(index % topicOptions.size()));
            }
            chosen.forEach(option -> choice(response, topics, option));
            if (index % 5 == 2) {
                other(
                        response,
                        topics,
                        "Ekonomia społeczna w usługach społecznych świadczonych w społeczności lokalnej");
            }
            if (tookAdvice) {
                scale(response, rating, null, 2 + random.nextInt(4));
            }
            for (long row : formRows) {
                scale(response, forms, row, 1 + random.nextInt(5));
            }
            if (index % 4 != 3) {
                jdbc.sql("insert into surveys_answer (response_id, question_id, number_value) values (:r, :q, :v)")
                        .param("r", response)
                        .param("q", people)
                        .param("v", 1 + random.nextInt(8))
                        .update();
            }
            if (index % 3 != 1) {
                jdbc.sql("insert into surveys_answer (response_id, question_id, date_value) values (:r, :q, :v)")
                        .param("r", response)
                        .param("q", start)
                        .param("v", today.plusDays(10L + 7L * random.nextInt(12)))
                        .update();
            }
            text(response, urgent, URGENT_TOPICS.get(index % URGENT_TOPICS.size()));
            if (index % 2 == 0) {
                text(response, situation, SITUATIONS.get((index / 2) % SITUATIONS.size()));
            }
            index++;
        }
    }

    private void openSurvey(LocalDate today, Random random) {
        long survey = survey(
                OPEN_TITLE,
                "Krótka ankieta dla osób pracujących w podmiotach ekonomii społecznej i wspierających je"
                        + " instytucjach. Odpowiedzi są anonimowe: zapisujemy je bez danych osoby, która je wysłała."
                        + " Wyniki zobaczą osoby, które odpowiedziały.",
                at(today.minusDays(5), 8, 0),
                at(today.plusDays(25), 23, 59),
                "PERSON",
                true,
                "RESPONDENTS",
                false,
                "{PARTICIPANT,COMMITTEE_MEMBER,EXPERT,REGIONAL_COORDINATOR}",
                true);
        long section = section(survey, 1, "Twoje potrzeby szkoleniowe", "");
        long wanted = question(
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
        List<Long> wantedOptions = options(
                wanted,
                "Prowadzenie działalności gospodarczej w podmiocie ekonomii społecznej",
                "Marketing i sprzedaż usług",
                "Rozliczanie dotacji i pożyczek",
                "Zatrudnianie osób z niepełnosprawnościami");
        long form = question(
                survey, section, 2, "SINGLE_CHOICE", "Jaka forma szkolenia Ci odpowiada?", "", true, false, "", "");
        List<Long> formOptions = options(form, "Stacjonarnie", "Online", "Hybrydowo");
        long access = question(
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
        long gaps = question(
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
                    response(survey, null, null, region.id(), kinds.get(random.nextInt(kinds.size())), day, null);
            boolean any = false;
            for (long option : wantedOptions) {
                if (random.nextInt(10) < 4) {
                    choice(response, wanted, option);
                    any = true;
                }
            }
            if (!any) {
                choice(response, wanted, wantedOptions.get(i % wantedOptions.size()));
            }
            choice(response, form, formOptions.get(random.nextInt(10) < 5 ? 1 : random.nextInt(3)));
            if (i % 6 != 5) {
                scale(response, access, null, 1 + random.nextInt(5));
            }
            if (i % 3 == 0) {
                text(response, gaps, TRAINING_GAPS.get((i / 3) % TRAINING_GAPS.size()));
            }
        }
    }

    private void draftSurvey() {
        long survey = survey(
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
        long section = section(survey, 1, "Ocena", "");
        question(survey, section, 1, "SCALE", "Jak oceniasz webinarium?", "", true, false, "słabo", "bardzo dobrze");
        question(survey, section, 2, "LONG_TEXT", "Co możemy zrobić lepiej?", "", false, false, "", "");
    }

    private long survey(
            String title,
            String description,
            @Nullable Instant opensAt,
            @Nullable Instant closesAt,
            String mode,
            boolean anonymous,
            String visibility,
            boolean allowChanges,
            String roles,
            boolean link) {
        boolean published = opensAt != null;
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            anonymous, results_visibility, allow_changes, audience_roles, audience_link, link_token,
                            created_at, updated_at, published_at)
                        values (:title, :description, :published, :opens, :closes, :mode, :anonymous, :visibility,
                            :changes, cast(:roles as text[]), :link, :token, :created, :now, :publishedAt)
                        returning id
                        """)
                .param("title", title)
                .param("description", description)
                .param("published", published)
                .param("opens", opensAt == null ? null : opensAt.atOffset(ZoneOffset.UTC))
                .param("closes", closesAt == null ? null : closesAt.atOffset(ZoneOffset.UTC))
                .param("mode", mode)
                .param("anonymous", anonymous)
                .param("visibility", visibility)
                .param("changes", allowChanges)
                .param("roles", roles)
                .param("link", link)
                .param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("created", (opensAt == null ? now : opensAt.minusSeconds(7 * 86_400)).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param(
                        "publishedAt",
                        opensAt == null ? null : opensAt.minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private long section(long survey, int position, String title, String description) {
        return jdbc.sql("""
                        insert into surveys_section (survey_id, position, title, description)
                        values (:survey, :position, :title, :description) returning id
                        """)
                .param("survey", survey)
                .param("position", position)
                .param("title", title)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    private long question(
            long survey,
            long section,
            int position,
            String type,
            String text,
            String help,
            boolean required,
            boolean other,
            String minLabel,
            String maxLabel) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, help, required,
                            other_option, scale_min_label, scale_max_label)
                        values (:survey, :section, :position, :type, :text, :help, :required, :other, :min, :max)
                        returning id
                        """)
                .param("survey", survey)
                .param("section", section)
                .param("position", position)
                .param("type", type)
                .param("text", text)
                .param("help", help)
                .param("required", required)
                .param("other", other)
                .param("min", minLabel)
                .param("max", maxLabel)
                .query(Long.class)
                .single();
    }

    private void condition(long question, long option) {
        jdbc.sql("update surveys_question set condition_option_id = :option where id = :question")
                .param("option", option)
                .param("question", question)
                .update();
    }

    private List<Long> options(long question, String... labels) {
        return choices("surveys_option", question, labels);
    }

    private List<Long> rows(long question, String... labels) {
        return choices("surveys_matrix_row", question, labels);
    }

    private List<Long> choices(String table, long question, String... labels) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            ids.add(jdbc.sql(
                            "insert into " + table + " (question_id, position, label) values (:q, :p, :l) returning id")
                    .param("q", question)
                    .param("p", i + 1)
                    .param("l", labels[i])
                    .query(Long.class)
                    .single());
        }
        return ids;
    }

    private long response(
            long survey,
            @Nullable Long account,
            @Nullable Long institution,
            long region,
            String kind,
            LocalDate day,
            @Nullable Instant submittedAt) {
        Instant created = at(day, 8, 0);
        return jdbc.sql("""
                        insert into surveys_response (survey_id, account_id, institution_id, region_id, institution_kind,
                            status, submitted_on, submitted_at, created_at, updated_at)
                        values (:survey, :account, :institution, :region, :kind, 'SUBMITTED', :day, :at, :created, :created)
                        returning id
                        """)
                .param("survey", survey)
                .param("account", account)
                .param("institution", institution)
                .param("region", region)
                .param("kind", kind)
                .param("day", day)
                .param("at", submittedAt == null ? null : submittedAt.atOffset(ZoneOffset.UTC))
                .param("created", created.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    private void choice(long response, long question, long option) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, option_id) values (:r, :q, :o)")
                .param("r", response)
                .param("q", question)
                .param("o", option)
                .update();
    }

    private void other(long response, long question, String text) {
        text(response, question, text);
    }

    private void text(long response, long question, String text) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, text_value) values (:r, :q, :t)")
                .param("r", response)
                .param("q", question)
                .param("t", text)
                .update();
    }

    private void scale(long response, long question, @Nullable Long row, int value) {
        jdbc.sql("""
                        insert into surveys_answer (response_id, question_id, matrix_row_id, scale_value)
                        values (:r, :q, :row, :v)
                        """)
                .param("r", response)
                .param("q", question)
                .param("row", row)
                .param("v", value)
                .update();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), WARSAW).toInstant();
    }
}
