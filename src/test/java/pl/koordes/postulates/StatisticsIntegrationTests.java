package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The statistics per addressee checked against figures worked out by hand: an institution of its own with
 * seven postulates forwarded in 2024 and 2025 (answered after 4, 10, 20 and 30 days, one overdue, one
 * withdrawn before an answer, one merged duplicate), read from the page, its chart and its CSV.
 */
@IntegrationTest
class StatisticsIntegrationTests {

    private static final String NAME = "Instytut Testowy Statystyk Odpowiedzi";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long institution;

    @BeforeEach
    void handMadeData() {
        institution = jdbc.sql("""
                        insert into institution (kind, name, short_name, city)
                        values ('CENTRAL', :name, 'ITSO', 'Warszawa') returning id""").param("name", NAME).query(Long.class).single();
        // forwarded, first answer (null: none), status, answer due (null: 30 days from now)
        insert("2025-03-01 10:00", "2025-03-11 09:00", "ACCEPTED", "2025-03-31");
        insert("2025-03-01 10:00", "2025-03-21 18:00", "REJECTED", "2025-03-31");
        insert("2025-04-01 23:30", "2025-05-01 08:00", "IN_ANALYSIS", null);
        long overdue = insert("2025-04-01 12:00", null, "FORWARDED", "2025-05-01");
        insert("2025-04-01 12:00", null, "WITHDRAWN", "2025-05-01");
        jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_at, updated_at, submitted_at, forwarded_at, answer_due, merged_into_id, merged_at)
                        select (select id from region where slug = 'dolnoslaskie'), :institution, 'Duplikat testowy',
                               'Problem', 'Propozycja', 'MERGED', now(), now(), '2025-03-01', '2025-03-02', '2025-04-01',
                               :target, now()""").param("institution", institution).param("target", overdue).update();
        insert("2024-06-01 10:00", "2024-06-05 10:00", "ACCEPTED", "2024-07-01");
    }

    private long insert(String forwarded, String answered, String status, String due) {
        return jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_at, updated_at, submitted_at, forwarded_at, answer_due, first_answered_at,
                            last_answered_at, withdrawn_at)
                        values ((select id from region where slug = 'malopolskie'), :institution, 'Postulat statystyk',
                                'Problem', 'Propozycja', :status, now(), now(),
                                cast(:forwarded as timestamp) at time zone 'Europe/Warsaw' - interval '20 days',
                                cast(:forwarded as timestamp) at time zone 'Europe/Warsaw',
                                coalesce(cast(:due as date), current_date + 30),
                                cast(:answered as timestamp) at time zone 'Europe/Warsaw',
                                cast(:answered as timestamp) at time zone 'Europe/Warsaw',
                                case when :status = 'WITHDRAWN' then now() end)
                        returning id""")
                .param("institution", institution)
                .param("status", status)
                .param("forwarded", forwarded)
                .param("answered", answered)
                .param("due", due)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void removeHandMadeData() {
        jdbc.sql("delete from postulates_postulate where addressee_id = :id and merged_into_id is not null")
                .param("id", institution)
                .update();
        jdbc.sql("delete from postulates_postulate where addressee_id = :id")
                .param("id", institution)
                .update();
        jdbc.sql("delete from institution where id = :id")
                .param("id", institution)
                .update();
    }

    private HttpResponse<String> get(String path) {
        return new SignedInClient(port, "127.0.20.20").get(path);
    }

    private Map<String, CSVRecord> csv(String path) throws IOException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String body = response.body().replace("\uFEFF", "");
        List<CSVRecord> records = CSVFormat.EXCEL
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
        return records.stream().collect(Collectors.toMap(r -> r.get("adresat"), r -> r));
    }

    @Test
    void allYearsMatchTheFiguresWorkedOutByHand() throws IOException {
        CSVRecord row = csv("/postulaty/statystyki.csv").get(NAME);
        assertThat(row.get("adresat_skrot")).isEqualTo("ITSO");
        // Six forwarded (the merged duplicate counts in its target), five needing an answer (one withdrawn),
        // four answered: 80 %; median of 4, 10, 20 and 30 days: 15; one overdue now.
        assertThat(row.get("przekazane")).isEqualTo("6");
        assertThat(row.get("wymagajace_odpowiedzi")).isEqualTo("5");
        assertThat(row.get("z_odpowiedzia")).isEqualTo("4");
        assertThat(row.get("odsetek_z_odpowiedzia")).isEqualTo("80.0");
        assertThat(row.get("mediana_dni_do_odpowiedzi")).isEqualTo("15");
        assertThat(row.get("po_terminie")).isEqualTo("1");

        String page = get("/postulaty/statystyki").body();
        assertThat(page)
                .contains("<abbr title=\"" + NAME + "\">ITSO</abbr>")
                .contains("80 %")
                .contains("15 dni")
                .contains("chart-bar")
                .contains("Odsetek postulatów z odpowiedzią");
    }

    @Test
    void theYearFilterCountsPostulatesForwardedThatYear() throws IOException {
        CSVRecord y2025 = csv("/postulaty/statystyki.csv?rok=2025").get(NAME);
        assertThat(y2025.get("przekazane")).isEqualTo("5");
        assertThat(y2025.get("z_odpowiedzia")).isEqualTo("3");
        assertThat(y2025.get("odsetek_z_odpowiedzia")).isEqualTo("75.0");
        assertThat(y2025.get("mediana_dni_do_odpowiedzi")).isEqualTo("20");
        assertThat(y2025.get("po_terminie")).isEqualTo("1");
        CSVRecord y2024 = csv("/postulaty/statystyki.csv?rok=2024").get(NAME);
        assertThat(y2024.get("przekazane")).isEqualTo("1");
        assertThat(y2024.get("odsetek_z_odpowiedzia")).isEqualTo("100.0");
        assertThat(y2024.get("mediana_dni_do_odpowiedzi")).isEqualTo("4");
        assertThat(y2024.get("po_terminie")).isEqualTo("0");
        assertThat(csv("/postulaty/statystyki.csv?rok=2023")).doesNotContainKey(NAME);
        assertThat(get("/postulaty/statystyki?rok=2025").body())
                .contains("Postulaty przekazane w roku 2025")
                .contains("<option value=\"2025\" selected>");
    }

    @Test
    void theTotalsAddUpEveryAddressee() throws IOException {
        Map<String, CSVRecord> all = csv("/postulaty/statystyki.csv");
        CSVRecord total = all.get("Razem");
        long forwarded = all.values().stream()
                .filter(r -> !r.get("adresat").equals("Razem"))
                .mapToLong(r -> Long.parseLong(r.get("przekazane")))
                .sum();
        assertThat(Long.parseLong(total.get("przekazane"))).isEqualTo(forwarded);
        long expected = jdbc.sql("select count(*) from postulates_postulate where forwarded_at is not null"
                        + " and status <> 'MERGED'")
                .query(Long.class)
                .single();
        assertThat(forwarded).isEqualTo(expected);
        long overdue = jdbc.sql("select count(*) from postulates_postulate where status in ('FORWARDED', 'IN_ANALYSIS')"
                        + " and answer_due < (now() at time zone 'Europe/Warsaw')::date")
                .query(Long.class)
                .single();
        assertThat(Long.parseLong(total.get("po_terminie"))).isEqualTo(overdue);
    }
}
