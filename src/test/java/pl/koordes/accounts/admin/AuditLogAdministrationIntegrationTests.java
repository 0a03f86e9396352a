package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/** The audit log page and its CSV export, read by the demo administrator signed in for real. */
@IntegrationTest
class AuditLogAdministrationIntegrationTests {

    /** What a spreadsheet would run as a formula if the cell started with it. */
    private static final String FORMULA = "=HYPERLINK(\"http://attacker.example\";\"x\")@example.org";

    @LocalServerPort
    int port;

    SignedInClient admin;

    @BeforeEach
    void signIn() {
        admin = AdminSession.administrator(port);
    }

    @Test
    void theLogShowsTheNewestEntriesFirstInWarsawTimeWithTranslatedActions() {
        failSignIn("pierwszy.wpis@example.org");
        failSignIn("drugi.wpis@example.org");

        String body = admin.get("/admin/dziennik?akcja=SIGN_IN_FAILED").body();

        assertThat(body)
                .contains("<h1>Dziennik zdarzeń</h1>", "<td>Nieudane logowanie</td>")
                .containsPattern("<td>\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}</td>");
        assertThat(body.indexOf("drugi.wpis@example.org"))
                .isPositive()
                .isLessThan(body.indexOf("pierwszy.wpis@example.org"));
        assertThat(admin.get("/admin/dziennik?akcja=SIGN_IN").body())
                .contains("<td>Logowanie</td>", "administrator@demo.koordes.example");
        assertThat(admin.get("/admin/dziennik?akcja=SIGN_IN&lang=en").body())
                .contains("<h1>Audit log</h1>", "<td>Sign-in</td>");
        admin.get("/admin/dziennik?lang=pl");
    }

    @Test
    void filtersByActionActorAndDates() {
        failSignIn("nieznany.filtr@example.org");

        String failed = admin.get("/admin/dziennik?akcja=SIGN_IN_FAILED").body();
        assertThat(failed).contains("nieznany.filtr@example.org").doesNotContain("<td>Logowanie</td>");

        assertThat(admin.get("/admin/dziennik?kto=NIEZNANY.FILTR").body())
                .contains("nieznany.filtr@example.org")
                .doesNotContain("administrator@demo.koordes.example</td>");
        // The actor's name works too, whatever the case and the Polish letters.
        assertThat(admin.get("/admin/dziennik?kto=administracyjna&akcja=SIGN_IN")
                        .body())
                .contains("Ada Administracyjna");

        assertThat(admin.get("/admin/dziennik?od=01.01.2000&do=31.12.2000").body())
                .contains("Brak wpisów.");
        assertThat(admin.get("/admin/dziennik?od=2000-01-01&do=2999-12-31&kto=nieznany.filtr")
                        .body())
                .contains("nieznany.filtr@example.org");

        HttpResponse<String> badDate = admin.get("/admin/dziennik?od=31.02.2026&do=wczoraj");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body())
                .contains("class=\"error-summary\"", "id=\"od-error\"", "id=\"do-error\"", "value=\"31.02.2026\"");
        assertThat(admin.get("/admin/dziennik?od=2026-12-01&do=2026-11-01").body())
                .contains("Data końcowa nie może być wcześniejsza niż początkowa.");
        // A control character in a query is refused before the application (shared.web.ControlCharacterFilter).
        assertThat(admin.get("/admin/dziennik?akcja=NO_SUCH_ACTION%00").statusCode())
                .isEqualTo(400);
        assertThat(admin.get("/admin/dziennik?akcja=NO_SUCH_ACTION").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theCsvExportHasTheFilteredEntriesForExcelWithFormulasNeutralised() throws Exception {
        failSignIn(FORMULA);
        failSignIn("+48 600 000 000");

        HttpResponse<String> export = admin.get("/admin/dziennik.csv?akcja=SIGN_IN_FAILED");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment").contains(".csv"));
        // UTF-8 with a byte-order mark (EF BB BF), which decodes to U+FEFF.
        assertThat(export.body()).startsWith("\uFEFF");
        List<CSVRecord> records = parse(export.body());
        assertThat(records.getFirst().values()).startsWith("Kiedy", "Kto (e-mail)");
        List<CSVRecord> entries = records.subList(1, records.size());
        assertThat(entries).isNotEmpty().allSatisfy(r -> assertThat(r.get(3)).isEqualTo("SIGN_IN_FAILED"));
        assertThat(entries)
                .extracting(r -> r.get(1))
                .contains("'" + FORMULA, "'+48 600 000 000")
                .doesNotContain(FORMULA);
        assertThat(entries.getFirst().get(0)).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(entries.getFirst().get(1)).isEqualTo("'+48 600 000 000");
    }

    @Test
    void theCsvExportCarriesBeforeAndAfterValues() throws Exception {
        List<CSVRecord> records = csv("/admin/dziennik.csv?akcja=SIGN_IN&kto=administrator%40demo");
        assertThat(records.get(1).values()).contains("Logowanie", "Ada Administracyjna", "{\"secondFactor\":true}");
        assertThat(admin.get("/admin/dziennik.csv?od=99.99.9999").statusCode()).isEqualTo(400);
    }

    private List<CSVRecord> csv(String path) throws Exception {
        return parse(admin.get(path).body());
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.EXCEL
                .builder()
                .setDelimiter(';')
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
    }

    private void failSignIn(String email) {
        assertThat(SignedInClient.location(new SignedInClient(port).signIn(email, "wrong password")))
                .startsWith("/logowanie");
    }
}
