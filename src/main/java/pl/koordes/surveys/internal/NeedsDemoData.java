package pl.koordes.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import pl.koordes.events.EventDrafts;
import pl.koordes.events.EventReference;
import pl.koordes.shared.database.DemoData;
import pl.koordes.surveys.NeedLinkKind;

/**
 * Twenty needs recognised in last spring's advisory-needs survey (surveys' demo data, order 120), most quoting the
 * region's answer to "Najpilniejszy temat w jednym zdaniu", linked to the events' demo data (order 100): to past
 * events (answered), to upcoming ones (planned), or to nothing (open).
 */
@Component
@Order(125)
@ConditionalOnBooleanProperty("koordes.site.demo")
class NeedsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NeedsDemoData.class);

    static final String SURVEY = "Potrzeby doradcze ekonomii społecznej 2026";

    private static final String URGENT = "Najpilniejszy temat w jednym zdaniu";
    private static final String SITUATION = "Opiszcie sytuację, w której doradztwo najbardziej by pomogło";

    private static final String PAST_NATIONAL_WEBINAR = "Webinarium: nowe wytyczne dla OWES";
    private static final String PAST_MEETING = "Posiedzenie robocze: podsumowanie półrocza (Małopolska)";
    private static final String PAST_VISIT = "Wizyta studyjna w przedsiębiorstwach społecznych";
    private static final String FORUM = "Śląskie forum ekonomii społecznej: zamówienia z klauzulami społecznymi";
    private static final String WEBINAR = "Webinarium: jak rozliczać usługi reintegracyjne";
    private static final String CONFERENCE = "Konferencja makroregionu południowego: partnerstwa lokalne";
    private static final String ADVISORY = "Doradztwo grupowe: biznesplan spółdzielni socjalnej";
    private static final String NATIONAL_MEETING = "Ogólnopolskie spotkanie koordynatorów regionalnych";
    private static final String OWES = "Spotkanie sieci OWES Małopolski: planowanie wsparcia na przyszły rok";

    /** One demo need: its region (null: national) and the event that answers it (null: none). */
    private record Spec(
            String topic,
            @Nullable String region,
            String description,
            @Nullable String event) {}

    private static final List<Spec> NEEDS = List.of(
            new Spec(
                    "Klauzule społeczne w zamówieniach publicznych",
                    "slaskie",
                    "Gminy nie wiedzą, jak zapisać klauzulę społeczną w zamówieniu na usługi porządkowe i cateringowe."
                            + " Potrzebne są wzory zapisów i rozmowa z zamawiającymi.",
                    FORUM),
            new Spec(
                    "Klauzule społeczne w zamówieniach publicznych",
                    "malopolskie",
                    "Zespół ROPS chce umieć doradzać powiatom przy zamówieniach zastrzeżonych dla podmiotów"
                            + " ekonomii społecznej.",
                    PAST_NATIONAL_WEBINAR),
            new Spec(
                    "Rozliczanie usług reintegracyjnych",
                    null,
                    "W wielu regionach powtarza się pytanie, jak dokumentować i rozliczać usługi reintegracji"
                            + " społecznej i zawodowej w CIS i KIS.",
                    WEBINAR),
            new Spec(
                    "Aktualizacja regionalnego programu",
                    "malopolskie",
                    "Program regionalny kończy się za rok; zespół potrzebuje pomocy w zaplanowaniu konsultacji"
                            + " i diagnozy przed jego aktualizacją.",
                    PAST_MEETING),
            new Spec(
                    "Współpraca z samorządami gminnymi",
                    "dolnoslaskie",
                    "Samorządy gminne rzadko zlecają zadania podmiotom ekonomii społecznej; potrzebne jest"
                            + " spotkanie, które pokaże im dobre przykłady.",
                    null),
            new Spec(
                    "Partnerstwa lokalne",
                    "slaskie",
                    "Jak zbudować partnerstwo gminy, OWES i lokalnych firm wokół jednego przedsiębiorstwa"
                            + " społecznego — na przykładach z sąsiednich województw.",
                    PAST_VISIT),
            new Spec(
                    "Partnerstwa lokalne",
                    "malopolskie",
                    "Potrzeba wymiany doświadczeń między powiatami, które prowadzą partnerstwa, a tymi, które"
                            + " dopiero je zaczynają.",
                    CONFERENCE),
            new Spec(
                    "Biznesplan spółdzielni socjalnej",
                    "mazowieckie",
                    "Nowe spółdzielnie socjalne piszą biznesplany bez wsparcia; przydałoby się doradztwo grupowe"
                            + " z przykładami realnych kosztów.",
                    ADVISORY),
            new Spec(
                    "Monitorowanie wskaźników",
                    null,
                    "Regiony różnie liczą wskaźniki programu; potrzebne jest wspólne omówienie definicji przed"
                            + " najbliższym sprawozdaniem.",
                    NATIONAL_MEETING),
            new Spec(
                    "Monitorowanie wskaźników",
                    "wielkopolskie",
                    "Zespół ma trudność z zebraniem danych od OWES na czas; potrzebuje porady, jak ustawić"
                            + " harmonogram i odpowiedzialności.",
                    null),
            new Spec(
                    "Finansowanie zwrotne dla podmiotów",
                    "pomorskie",
                    "Podmioty nie korzystają z pożyczek, bo boją się zadłużenia; potrzebne jest doradztwo o ryzyku"
                            + " i spłacie.",
                    null),
            new Spec(
                    "Finansowanie zwrotne dla podmiotów",
                    null,
                    "Kilka regionów prosi o przegląd dostępnych instrumentów zwrotnych i warunków ich łączenia"
                            + " z dotacjami.",
                    PAST_NATIONAL_WEBINAR),
            new Spec(
                    "Usługi społeczne w społeczności lokalnej",
                    "lubelskie",
                    "Gminy chcą zlecać usługi opiekuńcze podmiotom ekonomii społecznej, ale nie wiedzą, od czego"
                            + " zacząć.",
                    null),
            new Spec(
                    "Reintegracja zawodowa",
                    "podkarpackie",
                    "Potrzeba zobaczenia, jak przedsiębiorstwa społeczne w innych regionach łączą zatrudnienie"
                            + " z reintegracją.",
                    PAST_VISIT),
            new Spec(
                    "Planowanie wsparcia OWES",
                    "malopolskie",
                    "Sieć OWES potrzebuje wspólnego planu wsparcia na przyszły rok, tak by ośrodki nie dublowały"
                            + " działań.",
                    OWES),
            new Spec(
                    "Aktualizacja regionalnego programu",
                    "kujawsko-pomorskie",
                    "Zespół prosi o doradcę, który pomoże przełożyć wnioski z ewaluacji na cele nowego programu.",
                    null),
            new Spec(
                    "Współpraca z samorządami gminnymi",
                    "warminsko-mazurskie",
                    "Potrzeba argumentów i danych, które przekonają wójtów do współpracy z podmiotami ekonomii"
                            + " społecznej.",
                    NATIONAL_MEETING),
            new Spec(
                    "Marketing usług podmiotów",
                    "zachodniopomorskie",
                    "Podmioty mają dobre usługi, ale nie umieją ich sprzedać instytucjom; potrzebne są warsztaty"
                            + " z oferty i cen.",
                    null),
            new Spec(
                    "Klauzule społeczne w zamówieniach publicznych",
                    "lodzkie",
                    "Powiaty pytają o zamówienia poniżej progów: czy i jak stosować w nich klauzule społeczne.",
                    PAST_NATIONAL_WEBINAR),
            new Spec(
                    "Aktualizacja regionalnego programu",
                    "swietokrzyskie",
                    "Potrzebne jest omówienie nowych wytycznych przed aktualizacją programu i spotkanie"
                            + " z komitetem regionalnym.",
                    PAST_NATIONAL_WEBINAR));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final EventDrafts events;
    private final NeedManagement needs;
    private final DemoData demoData;
    private final Clock clock;

    NeedsDemoData(
            JdbcClient jdbc,
            Directory directory,
            EventDrafts events,
            NeedManagement needs,
            DemoData demoData,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.needs = needs;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Long survey = jdbc.sql("select id from surveys_survey where title = :title order by id limit 1")
                .param("title", SURVEY)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (survey == null || !demoData.claim("surveys-needs")) {
            return;
        }
        Map<String, Long> eventIds = new HashMap<>();
        for (EventReference event : events.latest(200)) {
            eventIds.putIfAbsent(event.title(), event.id());
        }
        Long urgent = question(survey, URGENT);
        Long situation = question(survey, SITUATION);
        Map<Long, Long> responses = new HashMap<>();
        jdbc.sql("select id, region_id from surveys_response where survey_id = :survey and status = 'SUBMITTED'")
                .param("survey", survey)
                .query((rs, n) -> responses.put(rs.getLong("region_id"), rs.getLong("id")))
                .list();
        Map<String, Region> regions = new HashMap<>();
        directory.regions().forEach(r -> regions.put(r.slug(), r));
        Instant start = clock.instant().minus(Duration.ofDays(18));
        int index = 0;
        for (Spec spec : NEEDS) {
            @Nullable
            Long region =
                    spec.region() == null ? null : regions.get(spec.region()).id();
            Instant at = start.plus(Duration.ofHours(7L * index));
            long id = jdbc.sql("""
                            insert into surveys_need (survey_id, topic, region_id, description, created_at, updated_at)
                            values (:survey, :topic, :region, :description, :at, :at) returning id
                            """)
                    .param("survey", survey)
                    .param("topic", spec.topic())
                    .param("region", region)
                    .param("description", spec.description())
                    .param("at", Timestamp.from(at))
                    .query(Long.class)
                    .single();
            Long response = region == null ? null : responses.get(region);
            if (response != null && urgent != null) {
                source(id, response, urgent);
                if (situation != null && index % 3 == 0) {
                    source(id, response, situation);
                }
            }
            Long event = spec.event() == null ? null : eventIds.get(spec.event());
            if (event != null) {
                needs.link(id, NeedLinkKind.EVENT, event);
            }
            index++;
        }
        log.info("Demo data: {} needs from \"{}\"", NEEDS.size(), SURVEY);
    }

    private @Nullable Long question(long survey, String text) {
        return jdbc.sql(
                        "select id from surveys_question where survey_id = :survey and text = :text order by id limit 1")
                .param("survey", survey)
                .param("text", text)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The answer is quoted only when the region answered that question. */
    private void source(long need, long response, long question) {
        jdbc.sql("""
                        insert into surveys_need_source (need_id, response_id, question_id)
                        select :need, :response, :question where exists (
                            select 1 from surveys_answer where response_id = :response and question_id = :question)
                        """)
                .param("need", need)
                .param("response", response)
                .param("question", question)
                .update();
    }
}
