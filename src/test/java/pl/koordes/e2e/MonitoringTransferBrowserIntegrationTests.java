package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * The import page with its row-by-row report, and the open data page, in a real browser: a coordinator of
 * małopolskie sends a template with mistakes (text in a value cell, an unknown code with markup in it) and
 * reads the report; both pages are checked with axe at 1280 and 375 px and kept as screenshots.
 */
@IntegrationTest
class MonitoringTransferBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theImportReportAndTheOpenDataPageAreAccessible() throws Exception {
        long period = jdbc.sql("select id from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Long.class)
                .single();
        String base = "/monitoring/sprawozdania/" + period + "/malopolskie";
        resetCode();
        SignedInClient client = new SignedInClient(port, "127.0.16.20");
        client.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        HttpResponse<byte[]> template = Multipart.download(client, port, base + "/szablon.xlsx");
        assertThat(template.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("szablon-z-bledami", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(2).getCell(6).setCellValue("dwanaście");
            Row unknown = sheet.createRow(sheet.getLastRowNum() + 1);
            unknown.createCell(0).setCellValue("<img src=x onerror=alert(1)>");
            unknown.createCell(6).setCellValue("12,5");
            workbook.write(out);
        }
        try {
            signIn();
            browser.open(url(base + "/import"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .startsWith("Import wartości z pliku: ");
            check("import");
            browser.driver()
                    .findElement(By.id("plik"))
                    .sendKeys(file.toAbsolutePath().toString());
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/import'] button[type=submit]"))
                    .click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-report")));
            assertThat(browser.status()).isEqualTo(422);
            String report = browser.driver()
                    .findElement(By.cssSelector(".import-report"))
                    .getText();
            assertThat(report)
                    .contains("Plik nie został przyjęty: 2 błędy")
                    .contains("Wiersz 3, kolumna „Wartość” (G3): „dwanaście” nie jest liczbą")
                    .contains("nie ma wskaźnika o kodzie „<img src=x onerror=alert(1)>”")
                    .contains("Nic nie zostało zapisane.");
            assertThat(browser.driver().findElements(By.cssSelector("img[src='x']")))
                    .isEmpty();
            check("import-report");

            browser.open(url("/monitoring/dane"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo("Otwarte dane: zatwierdzone wartości wskaźników");
            check("open-data");
        } finally {
            Files.deleteIfExists(file);
            browser.resetViewport();
        }
    }

    /** At 1280 px, then at 375 px, and back. */
    private void check(String name) {
        browser.checkAccessible("monitoring-transfer-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("monitoring-transfer-" + name + "-375");
        } finally {
            browser.resetViewport();
        }
    }

    private void resetCode() {
        // Each code works once; other tests may have just used this step's code for the same person.
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .update();
    }

    private void signIn() throws Exception {
        resetCode();
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD);
        browser.waiting().until(ExpectedConditions.urlMatches("/logowanie/kod$"));
        browser.driver()
                .findElement(By.id("code"))
                .sendKeys(new DefaultCodeGenerator()
                        .generate(DemoAccounts.TOTP_SECRET, System.currentTimeMillis() / 1000 / 30));
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
