package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringFigureCache;
import pl.koordes.monitoring.internal.MonitoringFigureLoad;
import pl.koordes.monitoring.internal.MonitoringFigures;
import pl.koordes.monitoring.internal.RegionRule;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.TestExtensions;

/**
 * The public analysis of monitoring: national figures from the regions (sum and average over regions, a flow
 * summing half-years, a stock taking the last period, only approved values, how many regions contributed),
 * the coherence matrix and its downloads, hostile names, bad addresses.
 */
@IntegrationTest
@Import(TestExtensions.class)
class MonitoringAnalysisIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonitoringFigureLoad figures;

    @Autowired
    MonitoringFigureCache cache;

    @Autowired
    ClusterChanges changes;

    @Autowired
    Directory directory;

    @AfterEach
    void removeSamples() {
        new AnalysisSamples(jdbc).removeAll();
        cache.forget();
    }

    /**
     * A region renamed by SQL, past the directory's write paths: every node is told that the directory changed, as
     * after an administrator's edit, so that the regions kept by {@link Directory} are read again; then the figures.
     */
    private void renamedBySql(String slug, String name) {
        changes.changed(DirectoryChanged.CLUSTER_KIND);
        await().atMost(ClusterChanges.BOUND)
                .until(() -> directory.region(slug).map(Region::namePl).orElse(""), name::equals);
        cache.forget();
    }

    private String page(String path) {
        HttpResponse<String> response = new Http(port).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void nationalFiguresAddUpApprovedValuesOverRegionsAndPeriodsAndSayHowManyRegionsContributed() {
        AnalysisSamples samples = new AnalysisSamples(jdbc);
        long flow = samples.national("TW1", "Nowe miejsca pracy (test)", "FLOW", null);
        long stock = samples.national("TW2", "Udział zamówień (test)", "STOCK", null);
        long h1 = samples.period(2031, 1);
        long h2 = samples.period(2031, 2);
        long year2032 = samples.period(2032, null);

        // A flow summed over regions: lubuskie 10 + 5 (two halves), opolskie 7 (its second half only submitted),
        // podlaskie only a draft and a returned value: 22 from 2 of 16 regions.
        long lubuskieFlow = samples.regional("lubuskie", "T1", "Miejsca pracy lubuskie", flow, "SUM", "FLOW");
        long opolskieFlow = samples.regional("opolskie", "T1", "Miejsca pracy opolskie", flow, "SUM", "FLOW");
        long podlaskieFlow = samples.regional("podlaskie", "T1", "Miejsca pracy podlaskie", flow, "SUM", "FLOW");
        long swietokrzyskieFlow =
                samples.regional("swietokrzyskie", "T1", "Miejsca pracy (nie sumowane)", flow, "NONE", "FLOW");
        samples.value(lubuskieFlow, h1, "APPROVED", "10");
        samples.value(lubuskieFlow, h2, "APPROVED", "5");
        samples.value(opolskieFlow, h1, "APPROVED", "7");
        samples.value(opolskieFlow, h2, "SUBMITTED", "100");
        samples.value(podlaskieFlow, h1, "DRAFT", "1000");
        samples.value(podlaskieFlow, h2, "RETURNED", "1000");
        samples.value(swietokrzyskieFlow, h1, "APPROVED", "500");
        // A whole year's value of a flow is the year's value on its own.
        samples.value(lubuskieFlow, year2032, "APPROVED", "30");

        // A stock averaged over regions: lubuskie's last period 50 (not 40 + 50), opolskie's first half 20.
        long lubuskieStock = samples.regional("lubuskie", "T2", "Udział lubuskie", stock, "AVERAGE", "STOCK");
        long opolskieStock = samples.regional("opolskie", "T2", "Udział opolskie", stock, "AVERAGE", "STOCK");
        samples.value(lubuskieStock, h1, "APPROVED", "40");
        samples.value(lubuskieStock, h2, "APPROVED", "50");
        samples.value(opolskieStock, h1, "APPROVED", "20");
        samples.value(opolskieStock, h2, "DRAFT", "90");

        MonitoringFigures.Snapshot snapshot = figures.load();
        MonitoringFigures.NationalFigures sum =
                snapshot.figures(snapshot.national("TW1").orElseThrow());
        assertThat(sum.rule()).isEqualTo(RegionRule.SUM);
        assertThat(sum.years().get(2031).value()).isEqualByComparingTo("22");
        assertThat(sum.years().get(2031).regions()).isEqualTo(2);
        assertThat(sum.years().get(2031).complete()).isFalse();
        assertThat(sum.years().get(2032).value()).isEqualByComparingTo("30");
        assertThat(sum.years().get(2032).regions()).isEqualTo(1);
        assertThat(sum.aggregatedRegions())
                .as("podlaskie is mapped, świętokrzyskie is not summed")
                .isEqualTo(3);

        MonitoringFigures.NationalFigures average =
                snapshot.figures(snapshot.national("TW2").orElseThrow());
        assertThat(average.rule()).isEqualTo(RegionRule.AVERAGE);
        assertThat(average.years().get(2031).value()).isEqualByComparingTo(new BigDecimal("35"));
        assertThat(average.years().get(2031).regions()).isEqualTo(2);

        // Written straight into the database, without the change events that drop the figures kept in memory.
        cache.forget();
        assertThat(page("/monitoring/kpres/wskazniki/TW1"))
                .contains("Nowe miejsca pracy (test)")
                .contains("2 z 16 województw")
                .contains("1 z 16 województw")
                .contains("Miejsca pracy podlaskie")
                .contains("nie sumuje się (tylko spójność)")
                .doesNotContain("1 022")
                .doesNotContain(">122<");
        assertThat(page("/monitoring/regiony/lubuskie/wskazniki/T1"))
                .contains("1. półrocze 2031")
                .contains("2. półrocze 2031")
                .contains(">15<");
        assertThat(page("/monitoring/regiony/opolskie/wskazniki/T1")).doesNotContain(">100<");
        assertThat(page("/monitoring/mapa?wskaznik=TW2&rok=2031"))
                .contains(">50<")
                .contains(">20<");
        assertThat(page("/monitoring")).contains("Nowe miejsca pracy (test)").contains("wskaźników KPRES");
    }

    @Test
    void theMatrixMarksTheDirectionNoRegionCovers() {
        String matrix = page("/monitoring/spojnosc");
        int header = matrix.indexOf("id=\"kierunek-IV.3\"");
        assertThat(header).as("IV.3 has a column").isPositive();
        String cell = matrix.substring(header, matrix.indexOf("</th>", header));
        assertThat(cell).contains("brak działań").contains("matrix-uncovered");
        String summary =
                matrix.substring(matrix.indexOf("id=\"gaps-heading\""), matrix.indexOf("id=\"legend-heading\""));
        assertThat(summary)
                .contains("1 kierunek KPRES nie ma działań w żadnym programie regionalnym")
                .contains("IV.3 Aktywność obywatelska i wolontariat")
                .doesNotContain("IV.2 ");
        assertThat(matrix)
                .contains("<th scope=\"row\" id=\"wojewodztwo-malopolskie\"")
                .contains("<caption");
        assertThat(figures.load().matrix().uncoveredDirections())
                .extracting(MonitoringFigures.Direction::code)
                .containsExactly("IV.3");
    }

    @Test
    void theDownloadsParseBackWithTheSameCellsAndAFormulaLikeRegionNameStaysText() throws IOException {
        String original = jdbc.sql("select name_pl from region where slug = 'lubuskie'")
                .query(String.class)
                .single();
        jdbc.sql("update region set name_pl = '=1+1' where slug = 'lubuskie'").update();
        renamedBySql("lubuskie", "=1+1");
        try {
            HttpResponse<byte[]> csv = new Http(port).getBytes("/monitoring/spojnosc.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            byte[] bytes = csv.body();
            assertThat(Arrays.copyOf(bytes, 3))
                    .as("UTF-8 byte-order mark")
                    .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            List<List<String>> csvRows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(
                    new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8),
                    CSVFormat.EXCEL.builder().setDelimiter(';').get())) {
                for (CSVRecord record : parser) {
                    csvRows.add(record.toList());
                }
            }
            HttpResponse<byte[]> xlsx = new Http(port).getBytes("/monitoring/spojnosc.xlsx");
            assertThat(xlsx.statusCode()).isEqualTo(200);
            List<List<String>> xlsxRows = new ArrayList<>();
            boolean formulaFree = true;
            boolean quoted = false;
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getPaneInformation()).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                DataFormatter formatter = new DataFormatter();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (Cell cell : row) {
                        formulaFree &= cell.getCellType() != CellType.FORMULA;
                        if (cell.getCellType() == CellType.STRING
                                && cell.getStringCellValue().equals("=1+1")) {
                            quoted = cell.getCellStyle().getQuotePrefixed();
                        }
                        cells.add(formatter.formatCellValue(cell));
                    }
                    xlsxRows.add(cells);
                }
            }
            assertThat(formulaFree).as("no formula cells").isTrue();
            assertThat(quoted)
                    .as("the region named =1+1 is a quote-prefixed text cell")
                    .isTrue();
            MonitoringFigures.Matrix matrix = figures.load().matrix();
            int expectedRows = 1 + matrix.regions().size() * matrix.directions().size();
            assertThat(csvRows).hasSize(expectedRows);
            assertThat(xlsxRows).hasSize(expectedRows);
            assertThat(csvRows.getFirst())
                    .containsExactly(
                            "wojewodztwo",
                            "obszar",
                            "kierunek_kod",
                            "kierunek",
                            "dzialania",
                            "wskazniki",
                            "zgodnie_z_planem",
                            "zagrozone",
                            "powaznie_opoznione",
                            "brak_danych",
                            "kierunek_pokryty");
            for (int i = 0; i < expectedRows; i++) {
                List<String> fromCsv = csvRows.get(i).stream()
                        .map(c -> c.startsWith("'=") ? c.substring(1) : c)
                        .toList();
                assertThat(xlsxRows.get(i)).as("row " + i).isEqualTo(fromCsv);
            }
            assertThat(csvRows).anySatisfy(row -> assertThat(row.getFirst()).isEqualTo("'=1+1"));
            assertThat(csvRows)
                    .filteredOn(row -> row.get(2).equals("IV.3"))
                    .allSatisfy(row -> assertThat(row.get(10)).isEqualTo("nie"));
        } finally {
            jdbc.sql("update region set name_pl = :name where slug = 'lubuskie'")
                    .param("name", original)
                    .update();
            renamedBySql("lubuskie", original);
        }
    }

    @Test
    void hostileNamesInTheDatabaseComeOutEscapedOnEveryPageAndAsTextInTheFiles() {
        AnalysisSamples samples = new AnalysisSamples(jdbc);
        int width = 10;
        List<Long> national = new ArrayList<>();
        List<Long> regional = new ArrayList<>();
        List<Long> directions = new ArrayList<>();
        long year = samples.period(2031, null);
        for (int i = 0; i < width; i++) {
            long direction = samples.direction("T." + i, "Kierunek " + i);
            directions.add(direction);
            long n = samples.national("TH" + i, "Wskaźnik " + i, "STOCK", direction);
            national.add(n);
            long r = samples.regional("lubuskie", "T" + i, "Regionalny " + i, n, "SUM", "STOCK");
            regional.add(r);
            samples.value(r, year, "APPROVED", String.valueOf(i + 1));
        }
        List<String> strings = NaughtyStrings.payloadsAnd(List.of(
                "<script>alert(123)</script>",
                "<img src=x onerror=alert(1)>",
                "=HYPERLINK(\"http://x.example\",\"y\")",
                "+SUM(1,1)",
                "@SUM(A1)",
                "'; DROP TABLE monitoring_value; --",
                "x".repeat(1000)));
        SoftAssertions softly = new SoftAssertions();
        Http http = new Http(port);
        for (int from = 0; from < strings.size(); from += width) {
            List<String> chunk = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                // PostgreSQL text cannot hold NUL; the columns hold 400 characters.
                String s = strings.get(Math.min(from + i, strings.size() - 1)).replace("\u0000", "");
                s = s.length() > 390 ? s.substring(0, 390) : s;
                chunk.add(s.isBlank() ? "x" + s : s);
                jdbc.sql("update monitoring_national_indicator set name_pl = :n where id = :id")
                        .param("n", chunk.get(i))
                        .param("id", national.get(i))
                        .update();
                jdbc.sql("update monitoring_version_indicator set name = :n where indicator_id = :id")
                        .param("n", chunk.get(i))
                        .param("id", regional.get(i))
                        .update();
                jdbc.sql("update monitoring_direction set name_pl = :n where id = :id")
                        .param("n", chunk.get(i))
                        .param("id", directions.get(i))
                        .update();
            }
            cache.forget();
            for (String path : List.of(
                    "/monitoring",
                    "/monitoring/kpres/wskazniki/TH0",
                    "/monitoring/regiony/lubuskie/wskazniki/T1",
                    "/monitoring/spojnosc",
                    "/monitoring/mapa?wskaznik=TH2&rok=2031",
                    "/monitoring/porownanie?wskaznik=TH3")) {
                HttpResponse<String> answer = http.get(path);
                softly.assertThat(answer.statusCode()).as(path + " " + chunk).isEqualTo(200);
                softly.assertThat(answer.body()).as(path + " " + chunk).doesNotContain("<script>alert", "<img src=x");
            }
            HttpResponse<String> csv = http.get("/monitoring/spojnosc.csv");
            softly.assertThat(csv.statusCode()).isEqualTo(200);
            HttpResponse<byte[]> xlsx = http.getBytes("/monitoring/spojnosc.xlsx");
            softly.assertThat(xlsx.statusCode()).isEqualTo(200);
        }
        softly.assertAll();
        assertThat(page("/monitoring")).doesNotContain("<script>alert");
    }

    @Test
    void badAddressesGiveAClearPageNeverAServerError() {
        Http http = new Http(port);
        for (String path : List.of(
                "/monitoring/mapa?wskaznik=%3Cscript%3Ealert(1)%3C/script%3E",
                "/monitoring/porownanie?wskaznik=%3Cscript%3E",
                "/monitoring/kpres/wskazniki/%3Cscript%3E",
                "/monitoring/kpres/wskazniki/W999",
                "/monitoring/regiony/malopolskie/wskazniki/NIE-MA",
                "/monitoring/regiony/nie-ma/wskazniki/R1")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("<script>");
        }
        for (String path : List.of(
                "/monitoring/mapa?rok=abc",
                "/monitoring/porownanie?wskaznik=W7&rok=abc",
                "/monitoring/mapa?rok=99999999999")) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).contains("<h1");
        }
        assertThat(page("/monitoring/mapa?wskaznik=W7&rok=1999")).contains("Brak zatwierdzonych wartości za rok 1999");
        // A KPRES indicator no region adds up to: its facts and published value, no national figure, no chart.
        assertThat(page("/monitoring/kpres/wskazniki/W1"))
                .contains("Wartości regionów nie składają się na wartość krajową")
                .contains("1 (2019)");
        assertThat(page("/monitoring/regiony/dolnoslaskie/wskazniki/R1")).contains("<svg");
    }
}
