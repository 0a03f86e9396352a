package pl.koordes.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.support.IntegrationTest;

/**
 * The demonstration data reads as a Polish office's would: meetings on working days (no conference on
 * 25 December), agendas whose times run in order within the meeting, postal codes of the city named.
 */
@IntegrationTest
class DemoDataPlausibilityIntegrationTests {

    /** The first two digits of postal codes in each voivodeship capital (Poczta Polska's areas). */
    private static final Map<String, String> POSTAL_AREA = Map.ofEntries(
            Map.entry("Wrocław", "5"),
            Map.entry("Toruń", "87"),
            Map.entry("Lublin", "20"),
            Map.entry("Zielona Góra", "65"),
            Map.entry("Łódź", "9"),
            Map.entry("Kraków", "3"),
            Map.entry("Warszawa", "0"),
            Map.entry("Opole", "45"),
            Map.entry("Rzeszów", "35"),
            Map.entry("Białystok", "15"),
            Map.entry("Gdańsk", "80"),
            Map.entry("Katowice", "40"),
            Map.entry("Kielce", "25"),
            Map.entry("Olsztyn", "10"),
            Map.entry("Poznań", "6"),
            Map.entry("Szczecin", "7"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoMeetingsAreOnWorkingDaysWithAgendasInOrder() {
        List<Map<String, Object>> events = jdbc.sql("""
                        select title, starts_at, ends_at, agenda, address from event
                        where description like '%(dane demonstracyjne)%'
                        """).query().listOfRows();
        assertThat(events).hasSizeGreaterThan(5);
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> event : events) {
            String title = (String) event.get("title");
            var start = ((Timestamp) event.get("starts_at")).toInstant().atZone(Formats.ZONE);
            var end = ((Timestamp) event.get("ends_at")).toInstant().atZone(Formats.ZONE);
            if (!PolishHolidays.isWorkingDay(start.toLocalDate())) {
                wrong.add(title + ": held on " + start.toLocalDate() + ", not a working day");
            }
            LocalTime previous = start.toLocalTime().minusMinutes(1);
            for (String line : String.valueOf(event.get("agenda")).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                LocalTime at =
                        LocalTime.parse(line.substring(0, line.indexOf('|')).trim());
                if (!at.isAfter(previous) || !at.isBefore(end.toLocalTime())) {
                    wrong.add(title + ": agenda item at " + at + " out of order or outside the meeting");
                }
                previous = at;
            }
            String address = (String) event.get("address");
            if (address != null) {
                POSTAL_AREA.forEach((city, area) -> {
                    if (address.endsWith(" " + city) && !address.matches(".*, " + area + "[0-9-]* " + city)) {
                        wrong.add(title + ": " + address + " has no postal code of " + city);
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void demoPostalCodesBelongToTheirCities() {
        List<Map<String, Object>> institutions = jdbc.sql(
                        "select name, city, postal_code from institution where postal_code is not null and city is not null")
                .query()
                .listOfRows();
        assertThat(institutions).hasSizeGreaterThanOrEqualTo(16);
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> institution : institutions) {
            String area = POSTAL_AREA.get((String) institution.get("city"));
            String code = (String) institution.get("postal_code");
            if (area != null && !code.startsWith(area)) {
                wrong.add(
                        institution.get("name") + ": " + code + " is not a postal code of " + institution.get("city"));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
