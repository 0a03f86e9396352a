package pl.koordes.events.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.time.PolishHolidays;

/**
 * Invented events for the demonstration: a dozen at three levels across regions, past and upcoming, a
 * draft in małopolskie and in śląskie (to show the coordinators' region scope), one nearly full and one
 * with a waiting list. Dates are relative to the first start, so "upcoming" stays upcoming for a while.
 * Participants carry plainly made-up names and {@code .example} addresses. Never loaded in production.
 */
@Component
@ConditionalOnBooleanProperty("koordes.site.demo")
@Order(100)
class EventsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EventsDemoData.class);

    private static final List<String> FIRST = List.of(
            "Anna",
            "Jan",
            "Maria",
            "Piotr",
            "Katarzyna",
            "Tomasz",
            "Agnieszka",
            "Paweł",
            "Ewa",
            "Marek",
            "Zofia",
            "Łukasz");
    private static final List<String[]> SURNAMES = List.of(
            new String[] {"Przykładowa", "Przykładowy"},
            new String[] {"Wzorcowa", "Wzorcowy"},
            new String[] {"Fikcyjna", "Fikcyjny"},
            new String[] {"Zmyślona", "Zmyślony"},
            new String[] {"Próbna", "Próbny"});
    private static final List<String> KINDS = List.of("ROPS", "OWES", "MARSHAL_OFFICE", "PARTNER");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DemoData demoData;
    private final Clock clock;

    EventsDemoData(JdbcClient jdbc, Directory directory, DemoData demoData, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("events")) {
            return;
        }
        Map<String, Region> regions =
                directory.regions().stream().collect(Collectors.toMap(Region::slug, Function.identity()));
        Region malopolskie = regions.get("malopolskie");
        Region slaskie = regions.get("slaskie");
        Region mazowieckie = regions.get("mazowieckie");
        Region dolnoslaskie = regions.get("dolnoslaskie");
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));

        long nearlyFull = event(
                "MEETING",
                "REGIONAL",
                malopolskie,
                null,
                "IN_PERSON",
                "Spotkanie sieci OWES Małopolski: planowanie wsparcia na przyszły rok",
                today.plusDays(10),
                10,
                14,
                30,
                0,
                null,
                "PUBLISHED",
                "Sala konferencyjna ROPS (demo)",
                "ul. Przykładowa 1, 31-011 Kraków");
        registrations(nearlyFull, 25, "ON_SITE", List.of(malopolskie), "CONFIRMED", 0);
        long hybrid = event(
                "MEETING",
                "REGIONAL",
                slaskie,
                null,
                "HYBRID",
                "Śląskie forum ekonomii społecznej: zamówienia z klauzulami społecznymi",
                today.plusDays(14),
                9,
                13,
                20,
                50,
                null,
                "PUBLISHED",
                "Centrum konferencyjne (demo)",
                "ul. Wzorcowa 5, 40-001 Katowice");
        registrations(hybrid, 8, "ON_SITE", List.of(slaskie), "CONFIRMED", 100);
        registrations(hybrid, 12, "ONLINE", List.of(slaskie), "CONFIRMED", 200);
        event(
                "MEETING",
                "REGIONAL",
                malopolskie,
                null,
                "IN_PERSON",
                "Szkic: warsztat dla nowych podmiotów (Małopolska)",
                today.plusDays(30),
                10,
                15,
                25,
                0,
                null,
                "DRAFT",
                "Siedziba ROPS (demo)",
                "ul. Przykładowa 1, 31-011 Kraków");
        event(
                "MEETING",
                "REGIONAL",
                slaskie,
                null,
                "ONLINE",
                "Szkic: webinarium o reintegracji (Śląsk)",
                today.plusDays(31),
                11,
                12,
                0,
                100,
                null,
                "DRAFT",
                null,
                null);
        long macro = event(
                "CONFERENCE",
                "MACROREGIONAL",
                null,
                malopolskie.macroregion().id(),
                "IN_PERSON",
                "Konferencja makroregionu południowego: partnerstwa lokalne",
                today.plusDays(21),
                10,
                16,
                80,
                0,
                null,
                "PUBLISHED",
                "Aula uniwersytecka (demo)",
                "ul. Umowna 10, 30-001 Kraków");
        registrations(macro, 12, "ON_SITE", List.of(malopolskie, slaskie), "CONFIRMED", 300);
        long webinar = event(
                "WEBINAR",
                "NATIONAL",
                null,
                null,
                "ONLINE",
                "Webinarium: jak rozliczać usługi reintegracyjne",
                today.plusDays(7),
                11,
                13,
                0,
                150,
                null,
                "PUBLISHED",
                null,
                null);
        registrations(webinar, 40, "ONLINE", List.copyOf(regions.values()), "CONFIRMED", 400);
        long national = event(
                "MEETING",
                "NATIONAL",
                null,
                null,
                "IN_PERSON",
                "Ogólnopolskie spotkanie koordynatorów regionalnych",
                today.plusDays(40),
                10,
                16,
                48,
                0,
                3,
                "PUBLISHED",
                "Centrum konferencyjne (demo)",
                "ul. Próbna 3, 00-001 Warszawa");
        registrations(national, 10, "ON_SITE", List.copyOf(regions.values()), "CONFIRMED", 500);
        long advisory = event(
                "GROUP_ADVISORY",
                "REGIONAL",
                mazowieckie,
                null,
                "IN_PERSON",
                "Doradztwo grupowe: biznesplan spółdzielni socjalnej",
                today.plusDays(5),
                10,
                13,
                10,
                0,
                null,
                "PUBLISHED",
                "Sala szkoleniowa OWES (demo)",
                "ul. Szablonowa 7, 02-001 Warszawa");
        registrations(advisory, 10, "ON_SITE", List.of(mazowieckie), "CONFIRMED", 600);
        registrations(advisory, 3, "ON_SITE", List.of(mazowieckie), "WAITING", 700);
        long visit = event(
                "STUDY_VISIT",
                "MACROREGIONAL",
                null,
                slaskie.macroregion().id(),
                "IN_PERSON",
                "Wizyta studyjna w przedsiębiorstwach społecznych",
                today.minusDays(20),
                8,
                18,
                20,
                0,
                null,
                "COMPLETED",
                "Zbiórka przy dworcu (demo)",
                "ul. Makietowa 2, 45-001 Opole");
        registrations(visit, 18, "ON_SITE", List.of(slaskie, malopolskie), "CONFIRMED", 800);
        jdbc.sql("""
                        update event_registration set attendance = case when id % 6 = 0 then 'ABSENT' else 'ATTENDED' end,
                            feedback_rating = case when id % 3 = 0 then 4 when id % 3 = 1 then 5 end,
                            feedback_comment = case when id % 4 = 0 then 'Bardzo przydatne spotkanie (demo).' end
                        where event_id = :id
                        """).param("id", visit).update();
        long pastRegional = event(
                "MEETING",
                "REGIONAL",
                malopolskie,
                null,
                "IN_PERSON",
                "Posiedzenie robocze: podsumowanie półrocza (Małopolska)",
                today.minusDays(40),
                10,
                12,
                25,
                0,
                null,
                "COMPLETED",
                "Siedziba ROPS (demo)",
                "ul. Przykładowa 1, 31-011 Kraków");
        registrations(pastRegional, 15, "ON_SITE", List.of(malopolskie), "CONFIRMED", 900);
        event(
                "WEBINAR",
                "NATIONAL",
                null,
                null,
                "ONLINE",
                "Webinarium: nowe wytyczne dla OWES",
                today.minusDays(60),
                11,
                12,
                0,
                200,
                null,
                "COMPLETED",
                null,
                null);
        event(
                "MEETING",
                "REGIONAL",
                dolnoslaskie,
                null,
                "IN_PERSON",
                "Spotkanie z samorządami powiatowymi (Dolny Śląsk)",
                today.plusDays(12),
                10,
                13,
                40,
                0,
                null,
                "CANCELLED",
                "Urząd marszałkowski (demo)",
                "ul. Fikcyjna 4, 50-001 Wrocław");
        log.info("Loaded demonstration events");
    }

    /**
     * The demonstration events' English titles; an event left out (a draft) shows its Polish title in
     * the English interface, marked as Polish, as a real one without a translation would.
     */
    private static final Map<String, String> ENGLISH_TITLES = Map.of(
            "Spotkanie sieci OWES Małopolski: planowanie wsparcia na przyszły rok",
            "Meeting of the Małopolska support centre network: planning next year's support",
            "Śląskie forum ekonomii społecznej: zamówienia z klauzulami społecznymi",
            "Silesian social economy forum: procurement with social clauses",
            "Konferencja makroregionu południowego: partnerstwa lokalne",
            "Southern macro-region conference: local partnerships",
            "Webinarium: jak rozliczać usługi reintegracyjne",
            "Webinar: accounting for reintegration services",
            "Ogólnopolskie spotkanie koordynatorów regionalnych",
            "National meeting of regional coordinators",
            "Doradztwo grupowe: biznesplan spółdzielni socjalnej",
            "Group advice: a business plan for a social cooperative",
            "Wizyta studyjna w przedsiębiorstwach społecznych",
            "Study visit to social enterprises",
            "Posiedzenie robocze: podsumowanie półrocza (Małopolska)",
            "Working session: the half-year in review (Małopolska)",
            "Spotkanie z samorządami powiatowymi (Dolny Śląsk)",
            "Meeting with county governments (Lower Silesia)");

    private static final String ENGLISH_DESCRIPTION =
            "A meeting of the programme supporting the social economy (demonstration data).\n\n"
                    + "We will go through current tasks, share experience and agree on the next steps.";

    private long event(
            String type,
            String level,
            @Nullable Region region,
            @Nullable Long macroregion,
            String format,
            String title,
            LocalDate day,
            int fromHour,
            int toHour,
            int onSite,
            int online,
            @Nullable Integer quota,
            String status,
            @Nullable String venue,
            @Nullable String address) {
        // An office meets on working days: never on a weekend, 25 December or another public holiday.
        LocalDate held = day.isBefore(LocalDate.now(clock.withZone(Formats.ZONE)))
                ? PolishHolidays.workingDayUntil(day)
                : PolishHolidays.workingDayFrom(day);
        ZonedDateTime start = ZonedDateTime.of(held, LocalTime.of(fromHour, 0), Formats.ZONE);
        ZonedDateTime end = ZonedDateTime.of(held, LocalTime.of(toHour, 0), Formats.ZONE);
        String description = "Spotkanie z programu wsparcia ekonomii społecznej (dane demonstracyjne).\n\n"
                + "Omówimy bieżące zadania, wymienimy się doświadczeniami i ustalimy dalsze kroki.";
        // The agenda's times in order and within the event, however short it is.
        int minutes = (toHour - fromHour) * 60;
        LocalTime opening = LocalTime.of(fromHour, 0);
        LocalTime talk = opening.plusMinutes(minutes >= 90 ? 15 : 10);
        LocalTime discussion = opening.plusMinutes(minutes - (minutes >= 120 ? 45 : 20));
        String agenda = String.format(
                "%s | Powitanie i cel spotkania | Anna Przykładowa%n%s | Część merytoryczna | Jan Wzorcowy%n%s | Dyskusja i wnioski |",
                opening, talk, discussion);
        long id = jdbc.sql("""
                        insert into event (type, level, region_id, macroregion_id, format, title, description, venue, address,
                            online_link, starts_at, ends_at, seats_on_site, seats_online, region_quota, registration_closes_at,
                            status, agenda, speakers, title_en, description_en)
                        values (:type, :level, :region, :macroregion, :format, :title, :description, :venue, :address, :link,
                            :starts, :ends, :onSite, :online, :quota, :closes, :status, :agenda, :speakers, :titleEn,
                            :descriptionEn)
                        returning id
                        """)
                .param("type", type)
                .param("level", level)
                .param("region", region == null ? null : region.id())
                .param("macroregion", macroregion)
                .param("format", format)
                .param("title", title)
                .param("description", description)
                .param("titleEn", ENGLISH_TITLES.getOrDefault(title, ""))
                .param("descriptionEn", ENGLISH_TITLES.containsKey(title) ? ENGLISH_DESCRIPTION : "")
                .param("venue", venue)
                .param("address", address)
                .param("link", format.equals("IN_PERSON") ? null : "https://spotkanie.koordes.example/demo")
                .param("starts", Timestamp.from(start.toInstant()))
                .param("ends", Timestamp.from(end.toInstant()))
                .param("onSite", onSite)
                .param("online", online)
                .param("quota", quota)
                .param("closes", Timestamp.from(start.minusDays(1).toInstant()))
                .param("status", status)
                .param("agenda", agenda)
                .param("speakers", "Anna Przykładowa | ROPS (demo)\nJan Wzorcowy | OWES (demo)")
                .query(Long.class)
                .single();
        String served = switch (level) {
            case "REGIONAL" -> "select :region";
            case "MACROREGIONAL" -> "select id from region where macroregion_id = :macroregion";
            default -> "select id from region";
        };
        jdbc.sql("insert into event_region (event_id, region_id) select :event, r from (" + served + ") as s(r)")
                .param("event", id)
                .param("region", region == null ? 0 : region.id())
                .param("macroregion", macroregion == null ? 0 : macroregion)
                .update();
        jdbc.sql("""
                        insert into event_material (event_id, position, title, url, participants_only) values
                        (:event, 0, 'Program spotkania (demo)', '/wydarzenia', false),
                        (:event, 1, 'Prezentacje prelegentów (demo)', 'https://materialy.koordes.example/demo', true)
                        """).param("event", id).update();
        return id;
    }

    private void registrations(long event, int count, String mode, List<Region> regions, String status, int seed) {
        for (int i = 0; i < count; i++) {
            int s = seed + i;
            String first = FIRST.get(s % FIRST.size());
            String[] surname = SURNAMES.get((s / FIRST.size()) % SURNAMES.size());
            String name = first + " " + (first.endsWith("a") ? surname[0] : surname[1]);
            Region region = regions.get(i % regions.size());
            jdbc.sql("""
                            insert into event_registration (event_id, email, full_name, institution, institution_kind, region_id,
                                position, privacy_accepted_at, mode, status, cancel_token_hash, photo_consent, confirmed_at)
                            values (:event, :email, :name, :institution, :kind, :region, :position, now(), :mode, :status,
                                md5(random()::text || clock_timestamp()::text), :photo, case when :status = 'CONFIRMED' then now() end)
                            """)
                    .param("event", event)
                    .param("email", "uczestnik" + s + "@demo-wydarzenia.koordes.example")
                    .param("name", name)
                    .param("institution", "Instytucja przykładowa nr " + (s % 17 + 1) + " (demo)")
                    .param("kind", KINDS.get(s % KINDS.size()))
                    .param("region", region.id())
                    .param("position", "Specjalista (demo)")
                    .param("mode", mode)
                    .param("status", status)
                    .param("photo", s % 2 == 0)
                    .update();
        }
    }
}
