package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Reporting on the running application, each case in a transaction rolled back afterwards: the whole path
 * of a value (draft → submitted → returned → fixed → submitted → approved → reopened), the region never
 * approving its own values, an approved value that changes only after a correction, another region's ids
 * refused, an outlier asking for an explanation without blocking, and "dane w przygotowaniu".
 */
@IntegrationTest
class ReportingIntegrationTests {

    static final String OWN = "malopolskie";
    static final String OTHER = "slaskie";

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    ReportingTesting t;
    UserDetails coordinator;
    UserDetails otherCoordinator;
    UserDetails editor;
    UserDetails committee;
    UserDetails central;
    long period;
    String base;

    @BeforeEach
    void setUp() {
        t = new ReportingTesting(
                MockMvcBuilders.webAppContextSetup(context)
                        .apply(SecurityMockMvcConfigurers.springSecurity())
                        .build(),
                jdbc,
                transactions);
        coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        otherCoordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_SLASKIE);
        editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        committee = users.loadUserByUsername(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        central = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION);
        period = t.openPeriod();
        base = "/monitoring/sprawozdania/" + period + "/" + OWN;
    }

    @Test
    void aValueGoesTheWholeWayFromDraftToApprovedAndBackForACorrection() {
        long indicator = t.indicator(OWN, period, "DRAFT");
        String value = base + "/wskazniki/" + indicator;
        t.inRolledBackTransaction(() -> {
            var start = t.value(period, indicator);
            // Saved with a Polish decimal comma and a space between thousands.
            MockHttpServletResponse saved = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(start.rowVersion()))
                            .param("value", "1 234,5")
                            .param("comment", "Dane z ośrodków wsparcia")
                            .param("source", "ROPS"));
            assertThat(saved.getStatus()).isEqualTo(302);
            var draft = t.value(period, indicator);
            assertThat(draft.value()).isEqualTo("1234.5");
            assertThat(draft.status()).isEqualTo("DRAFT");
            assertThat(t.audits("MONITORING_VALUE_SAVED", draft.id())).isEqualTo(1);
            assertThat(t.page(coordinator, value)).contains("1234,5").contains("Dane z ośrodków wsparcia");

            // Submitted: the region can no longer change it, nor approve it.
            assertThat(t.send(coordinator, post(base + "/przekaz").param("wartosc", String.valueOf(draft.id())))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(t.value(period, indicator).status()).isEqualTo("SUBMITTED");
            assertThat(t.send(coordinator, post(value + "/zatwierdz")).getStatus())
                    .isEqualTo(403);
            assertThat(t.send(coordinator, post(base + "/zatwierdz")).getStatus())
                    .isEqualTo(403);
            assertThat(t.send(committee, post(value + "/zatwierdz")).getStatus())
                    .isEqualTo(403);
            assertThat(t.send(central, post(value + "/zatwierdz")).getStatus()).isEqualTo(403);
            var submitted = t.value(period, indicator);
            MockHttpServletResponse locked = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(submitted.rowVersion()))
                            .param("value", "1"));
            assertThat(locked.getStatus()).isEqualTo(409);
            assertThat(t.value(period, indicator).value()).isEqualTo("1234.5");

            // Returned with a reason, which the region sees.
            assertThat(t.send(editor, post(value + "/zwroc").param("reason", "Proszę sprawdzić źródło."))
                            .getStatus())
                    .isEqualTo(302);
            var returned = t.value(period, indicator);
            assertThat(returned.status()).isEqualTo("RETURNED");
            assertThat(t.page(coordinator, base))
                    .contains("Zwrócona do poprawy")
                    .contains("Proszę sprawdzić źródło.");

            // Fixed and submitted again (every draft at once), then approved.
            assertThat(t.send(
                                    coordinator,
                                    post(value)
                                            .param("rowVersion", String.valueOf(returned.rowVersion()))
                                            .param("value", "1240"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(t.value(period, indicator).status()).isEqualTo("DRAFT");
            assertThat(t.send(coordinator, post(base + "/przekaz").param("wszystkie", "tak"))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(t.value(period, indicator).status()).isEqualTo("SUBMITTED");
            assertThat(t.send(editor, post(value + "/zatwierdz")).getStatus()).isEqualTo(302);
            var approved = t.value(period, indicator);
            assertThat(approved.status()).isEqualTo("APPROVED");
            assertThat(t.audits("MONITORING_VALUE_APPROVED", approved.id())).isEqualTo(1);

            // Locked: the form is read-only and a forged save is refused.
            String lockedPage = t.page(coordinator, value);
            assertThat(lockedPage).doesNotContain("name=\"rowVersion\"").contains("tylko do odczytu");
            assertThat(t.send(
                                    coordinator,
                                    post(value)
                                            .param("rowVersion", String.valueOf(approved.rowVersion()))
                                            .param("value", "7"))
                            .getStatus())
                    .isEqualTo(409);
            assertThat(t.value(period, indicator).value()).isEqualTo("1240");

            // A correction asks first, then reopens the value as a draft with its reason.
            MockHttpServletResponse unanswered =
                    t.send(editor, post(value + "/korekta").param("reason", "Nowe dane GUS"));
            assertThat(unanswered.getStatus()).isEqualTo(302);
            assertThat(unanswered.getRedirectedUrl()).startsWith(value + "/korekta?reason=");
            assertThat(t.value(period, indicator).status()).isEqualTo("APPROVED");
            assertThat(t.page(editor, value + "/korekta?reason=Nowe%20dane%20GUS"))
                    .contains("Otworzyć zatwierdzoną wartość do korekty?");
            assertThat(t.send(
                                    editor,
                                    post(value + "/korekta")
                                            .param("reason", "Nowe dane GUS")
                                            .param("potwierdzenie", "tak"))
                            .getStatus())
                    .isEqualTo(302);
            var reopened = t.value(period, indicator);
            assertThat(reopened.status()).isEqualTo("DRAFT");
            assertThat(reopened.returnReason()).isEqualTo("Nowe dane GUS");
            assertThat(t.audits("MONITORING_VALUE_REOPENED", reopened.id())).isEqualTo(1);
            String audit = jdbc.sql("""
                            select before_value::text || after_value::text from audit_entry
                            where action = 'MONITORING_VALUE_REOPENED' and target_id = :t""")
                    .param("t", String.valueOf(reopened.id()))
                    .query(String.class)
                    .single();
            assertThat(audit).contains("APPROVED").contains("DRAFT");
        });
    }

    @Test
    void anotherRegionIsRefusedByItsAddressAndByIdsSentToOnesOwnRegion() {
        long ownIndicator = t.indicator(OWN, period, "DRAFT");
        String ownValue = base + "/wskazniki/" + ownIndicator;
        String otherBase = "/monitoring/sprawozdania/" + period + "/" + OTHER;
        t.inRolledBackTransaction(() -> {
            var before = t.value(period, ownIndicator);
            assertThat(t.send(otherCoordinator, get(base)).getStatus()).isEqualTo(403);
            assertThat(t.send(otherCoordinator, get(ownValue)).getStatus()).isEqualTo(403);
            assertThat(t.send(otherCoordinator, post(ownValue).param("value", "5"))
                            .getStatus())
                    .isEqualTo(403);
            // małopolskie's indicator under śląskie's address: not found.
            assertThat(t.send(otherCoordinator, get(otherBase + "/wskazniki/" + ownIndicator))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(t.send(
                                    otherCoordinator,
                                    post(otherBase + "/wskazniki/" + ownIndicator)
                                            .param("rowVersion", String.valueOf(before.rowVersion()))
                                            .param("value", "5"))
                            .getStatus())
                    .isEqualTo(404);
            // małopolskie's value id submitted with śląskie's form.
            assertThat(t.send(
                                    otherCoordinator,
                                    post(otherBase + "/przekaz").param("wartosc", String.valueOf(before.id())))
                            .getStatus())
                    .isEqualTo(404);
            assertThat(t.value(period, ownIndicator)).isEqualTo(before);
            // The committee member reads, and writes nothing.
            assertThat(t.page(committee, base)).contains("Szkic");
            assertThat(t.send(committee, post(ownValue).param("value", "5")).getStatus())
                    .isEqualTo(403);
            assertThat(t.value(period, ownIndicator)).isEqualTo(before);
        });
    }

    @Test
    void anOutlierAsksForAnExplanationWithoutBlockingAndDataInPreparationNeedsADate() {
        long indicator = t.indicator(OWN, period, "DRAFT");
        String value = base + "/wskazniki/" + indicator;
        t.inRolledBackTransaction(() -> {
            var start = t.value(period, indicator);
            MockHttpServletResponse saved = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(start.rowVersion()))
                            .param("value", "99999999"));
            assertThat(saved.getStatus()).isEqualTo(302);
            assertThat(t.value(period, indicator).value()).isEqualTo("99999999");
            assertThat(t.page(coordinator, value)).contains("ponad 3 razy");
            assertThat(t.page(coordinator, base)).contains("nie ma wyjaśnienia").contains("(bez wyjaśnienia)");

            var outlier = t.value(period, indicator);
            MockHttpServletResponse noDate = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(outlier.rowVersion()))
                            .param("notAvailable", "true"));
            assertThat(noDate.getStatus()).isEqualTo(422);
            assertThat(noDate.getContentAsString(StandardCharsets.UTF_8)).contains("Podaj, kiedy dane będą dostępne.");
            MockHttpServletResponse unavailable = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(outlier.rowVersion()))
                            .param("notAvailable", "true")
                            .param("expectedDate", "2027-03-31"));
            assertThat(unavailable.getStatus()).isEqualTo(302);
            var row = t.value(period, indicator);
            assertThat(row.notAvailable()).isTrue();
            assertThat(row.value()).isNull();
            assertThat(row.expectedDate()).isEqualTo("2027-03-31");
            assertThat(t.page(coordinator, base)).contains("Dane w przygotowaniu (spodziewane 31.03.2027)");

            MockHttpServletResponse notANumber = t.send(
                    coordinator,
                    post(value)
                            .param("rowVersion", String.valueOf(row.rowVersion()))
                            .param("value", "dwanaście"));
            assertThat(notANumber.getStatus()).isEqualTo(422);
            assertThat(notANumber.getContentAsString(StandardCharsets.UTF_8))
                    .contains("dwanaście")
                    .contains("Wpisz liczbę");
        });
    }

    @Test
    void operatorsSeeSixteenRegionsAndACoordinatorTheirOwn() throws Exception {
        String all = t.page(editor, "/monitoring/sprawozdania/" + period);
        assertThat(all)
                .contains("małopolskie")
                .contains("śląskie")
                .contains("Nie rozpoczęto")
                .contains("Zatwierdzone".substring(0, 5));
        String own = t.page(coordinator, "/monitoring/sprawozdania/" + period);
        assertThat(own).contains("href=\"" + base + "\"").doesNotContain("/" + OTHER + "\"");
        assertThat(t.page(coordinator, "/")).contains("href=\"/monitoring/sprawozdania\"");
        assertThat(t.send(coordinator, get("/monitoring/okresy")).getStatus()).isEqualTo(403);
    }

    @Test
    void aSecondPeriodForTheSameYearIsRefusedWithAClearMessage() {
        t.inRolledBackTransaction(() -> {
            MockHttpServletResponse again = t.send(
                    editor,
                    post("/monitoring/okresy")
                            .param("kind", "YEAR")
                            .param("year", "2025")
                            .param("deadline", "2026-03-31"));
            assertThat(again.getStatus()).isEqualTo(422);
            assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("Okres za ten rok jest już otwarty");
            MockHttpServletResponse half = t.send(
                    editor,
                    post("/monitoring/okresy")
                            .param("kind", "HALF")
                            .param("year", "2026")
                            .param("half", "1")
                            .param("deadline", "2026-08-31"));
            assertThat(half.getStatus()).isEqualTo(302);
            String question = t.page(editor, "/monitoring/okresy/" + period + "/zamknij");
            assertThat(question).contains("nie przekazał");
        });
    }

    @Test
    void aFileIsAcceptedByItsContentNotItsNameAndItsDownloadIsAudited() {
        long indicator = t.indicator(OWN, period, "DRAFT");
        String value = base + "/wskazniki/" + indicator;
        t.inRolledBackTransaction(() -> {
            var start = t.value(period, indicator);
            MockMultipartFile disguised = new MockMultipartFile(
                    "file", "raport.pdf", "application/pdf", "to nie jest PDF".getBytes(StandardCharsets.UTF_8));
            MockHttpServletResponse refused = t.send(
                    coordinator,
                    multipart(value)
                            .file(disguised)
                            .param("rowVersion", String.valueOf(start.rowVersion()))
                            .param("value", "15"));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.getContentAsString(StandardCharsets.UTF_8))
                    .contains("Ten rodzaj pliku nie jest przyjmowany")
                    .contains("value=\"15\"");
            assertThat(t.value(period, indicator)).isEqualTo(start);

            byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
            MockHttpServletResponse saved = t.send(
                    coordinator,
                    multipart(value)
                            .file(new MockMultipartFile("file", "../Sprawozdanie <2025>.pdf", "text/plain", pdf))
                            .param("rowVersion", String.valueOf(start.rowVersion()))
                            .param("value", "15"));
            assertThat(saved.getStatus()).isEqualTo(302);
            MockHttpServletResponse download = t.send(committee, get(value + "/plik"));
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getContentType()).isEqualTo("application/pdf");
            assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
            assertThat(download.getHeader("Content-Disposition")).contains("Sprawozdanie _2025_.pdf");
            assertThat(t.audits("MONITORING_VALUE_FILE_DOWNLOADED", start.id())).isEqualTo(1);
            assertThat(t.send(otherCoordinator, get(value + "/plik")).getStatus())
                    .isEqualTo(403);
        });
    }
}
