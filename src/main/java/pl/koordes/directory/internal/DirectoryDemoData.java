package pl.koordes.directory.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Invented demonstration data for the directory: contact details in the reserved {@code .example}
 * domain, and committees whose members carry plainly made-up surnames. Never loaded in production. Early
 * (right after the accounts), as the other modules' demo data build on its committees.
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty("koordes.site.demo")
class DirectoryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryDemoData.class);

    private static final List<String> FIRST_NAMES = List.of(
            "Anna",
            "Jan",
            "Maria",
            "Piotr",
            "Katarzyna",
            "Tomasz",
            "Agnieszka",
            "Paweł",
            "Małgorzata",
            "Michał",
            "Ewa",
            "Krzysztof",
            "Joanna",
            "Marek",
            "Zofia",
            "Łukasz");
    /** Surnames that say they are invented; feminine and masculine forms follow the first name. */
    private static final List<String[]> SURNAMES = List.of(
            new String[] {"Przykładowa", "Przykładowy"}, new String[] {"Wzorcowa", "Wzorcowy"},
            new String[] {"Fikcyjna", "Fikcyjny"}, new String[] {"Zmyślona", "Zmyślony"},
            new String[] {"Próbna", "Próbny"}, new String[] {"Makietowa", "Makietowy"},
            new String[] {"Szablonowa", "Szablonowy"}, new String[] {"Testowa", "Testowy"},
            new String[] {"Demonstracyjna", "Demonstracyjny"}, new String[] {"Umowna", "Umowny"});

    private static final List<Seat> SEATS = List.of(
            new Seat(CommitteeFunction.CHAIR, Sector.PUBLIC_REGIONAL, "Urząd Marszałkowski (demo)"),
            new Seat(CommitteeFunction.VICE_CHAIR, Sector.SOCIAL_ECONOMY, "Spółdzielnia Socjalna „Przykład” (demo)"),
            new Seat(
                    CommitteeFunction.SECRETARY,
                    Sector.PUBLIC_REGIONAL,
                    "Regionalny ośrodek polityki społecznej (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.PUBLIC_STATE, "Urząd Wojewódzki (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.LOCAL_GOVERNMENT, "Gmina Przykładowo (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.NGO, "Fundacja Wzorcowa (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.SCIENCE, "Uniwersytet Przykładowy (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.COOPERATIVE, "Związek Rewizyjny Spółdzielni (demo)"),
            new Seat(CommitteeFunction.MEMBER, Sector.EMPLOYERS, "Regionalna Organizacja Pracodawców (demo)"));

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DemoData demoData;

    DirectoryDemoData(JdbcClient jdbc, Directory directory, DemoData demoData) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.demoData = demoData;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demoData.claim("directory")) {
            loadDirectory();
        }
        // Claimed separately, so that a database with the directory's demo data from before gets these too.
        if (demoData.claim("directory-coordination")) {
            loadCoordination();
        }
    }

    private void loadDirectory() {
        List<Region> regions = directory.regions();
        LocalDate termStart = LocalDate.of(2025, 1, 1);
        LocalDate termEnd = LocalDate.of(2027, 12, 31);
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            jdbc.sql("""
                    update institution set street = :street, postal_code = :postal, email = :email, phone = :phone,
                           website = :website
                    where region_id = :region and kind = 'ROPS'
                    """)
                    .param("street", "ul. Przykładowa " + (r + 1))
                    .param("postal", postalCode(region, r))
                    .param("email", "sekretariat@rops-" + region.slug() + ".example")
                    .param("phone", String.format("+48 00 %03d %02d %02d", 100 + r, r, 10 + r))
                    .param("website", "https://rops-" + region.slug() + ".example")
                    .param("region", region.id())
                    .update();
            jdbc.sql("""
                    insert into institution (kind, name, region_id, city, email) values
                    ('MARSHAL_OFFICE', :office, :region, :city, :officeEmail),
                    ('OWES', :owes, :region, :city, :owesEmail)
                    """)
                    .param("office", "Urząd Marszałkowski Województwa (demo, " + region.namePl() + ")")
                    .param("owes", "Ośrodek Wsparcia Ekonomii Społecznej „Przykład” (demo, " + region.namePl() + ")")
                    .param("region", region.id())
                    .param("city", region.seat())
                    .param("officeEmail", "kancelaria@um-" + region.slug() + ".example")
                    .param("owesEmail", "biuro@owes-" + region.slug() + ".example")
                    .update();
            long committee = jdbc.sql("""
                    insert into committee (region_id, name, term_start, term_end)
                    values (:region, :name, :start, :end) returning id
                    """)
                    .param("region", region.id())
                    .param("name", "Regionalny Komitet Rozwoju Ekonomii Społecznej — województwo " + region.namePl())
                    .param("start", termStart)
                    .param("end", termEnd)
                    .query(Long.class)
                    .single();
            int members = 5 + r % (SEATS.size() - 4);
            for (int m = 0; m < members; m++) {
                Seat seat = SEATS.get(m);
                String name = inventedName(r * 7 + m * 3);
                jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function,
                                                          function_form, term_start, term_end)
                        values (:committee, :name, :organisation, :sector, :function, :form, :start, :end)
                        """)
                        .param("committee", committee)
                        .param("name", name)
                        // The demo names follow Polish forms, so each member's function does too.
                        .param(
                                "form",
                                (name.substring(0, name.indexOf(' ')).endsWith("a")
                                                ? FunctionForm.FEMININE
                                                : FunctionForm.MASCULINE)
                                        .name())
                        .param("organisation", seat.organisation())
                        .param("sector", seat.sector().name())
                        .param("function", seat.function().name())
                        .param("start", termStart)
                        .param("end", m == members - 1 ? null : termEnd)
                        .update();
            }
        }
        log.info("Loaded demonstration data of the directory for {} regions", regions.size());
    }

    /**
     * Regions' profile texts and the committee members' non-public contacts (every other member has a
     * telephone number, so that both cases show), all invented, in the reserved .example domain.
     */
    private void loadCoordination() {
        for (Region region : directory.regions()) {
            jdbc.sql("update region set description_pl = :pl, description_en = :en where id = :id")
                    .param(
                            "pl",
                            "To przykładowy opis województwa " + region.namePl()
                                    + ", napisany na potrzeby demonstracji. "
                                    + "Koordynatorka lub koordynator regionu zmienia go w swojej przestrzeni pracy.\n\n"
                                    + "Tu znajdzie się krótka informacja o regionalnej polityce rozwoju ekonomii społecznej, "
                                    + "o komitecie i o tym, jak skontaktować się z ośrodkiem.")
                    .param(
                            "en",
                            "This is a sample description of " + region.nameEn() + " Voivodeship, written for the "
                                    + "demonstration. The region's coordinator changes it in their workspace.")
                    .param("id", region.id())
                    .update();
        }
        int updated = jdbc.sql("""
                update committee_membership m
                set email = 'czlonek' || m.id || '@rkres-' || r.slug || '.example',
                    phone = case when m.id % 2 = 0 then '+48 00 ' || lpad((m.id % 1000)::text, 3, '0') || ' 00 00' end
                from committee c join region r on r.id = c.region_id
                where c.id = m.committee_id and m.email is null
                """).update();
        log.info("Loaded demonstration descriptions of the regions and contacts of {} committee members", updated);
    }

    /**
     * The first two digits of the postal codes of each voivodeship's capital, so that an invented address
     * still matches its city (31-… is Kraków, 40-… Katowice).
     */
    private static final Map<String, String> POSTAL_PREFIX_BY_TERYT = Map.ofEntries(
            Map.entry("02", "50"), // Wrocław
            Map.entry("04", "87"), // Toruń
            Map.entry("06", "20"), // Lublin
            Map.entry("08", "65"), // Zielona Góra
            Map.entry("10", "90"), // Łódź
            Map.entry("12", "31"), // Kraków
            Map.entry("14", "00"), // Warszawa
            Map.entry("16", "45"), // Opole
            Map.entry("18", "35"), // Rzeszów
            Map.entry("20", "15"), // Białystok
            Map.entry("22", "80"), // Gdańsk
            Map.entry("24", "40"), // Katowice
            Map.entry("26", "25"), // Kielce
            Map.entry("28", "10"), // Olsztyn
            Map.entry("30", "61"), // Poznań
            Map.entry("32", "70")); // Szczecin

    private static String postalCode(Region region, int seed) {
        String prefix = POSTAL_PREFIX_BY_TERYT.getOrDefault(region.teryt(), "00");
        return String.format("%s-%03d", prefix, 100 + seed);
    }

    private static String inventedName(int seed) {
        String first = FIRST_NAMES.get(seed % FIRST_NAMES.size());
        String[] surname = SURNAMES.get((seed / 3) % SURNAMES.size());
        // Polish feminine first names end in -a; the surname agrees with it.
        return first + " " + (first.endsWith("a") ? surname[0] : surname[1]);
    }

    private record Seat(CommitteeFunction function, Sector sector, String organisation) {}
}
