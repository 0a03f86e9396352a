package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * A committee's composition in a real browser: the public region page's committee section (meetings with attendance
 * counts, public resolutions); the secretary's composition page (kinds represented and missing, the history), a
 * member's page reached and sent by keyboard (an unknown account refused in the error summary), and the question
 * before unlinking an account. Every page is checked with axe-core at 1280 and at 375 px and kept as a screenshot.
 */
@IntegrationTest
class CommitteeCompositionBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePublicSectionTheCompositionAndLinkingByKeyboard() throws Exception {
        browser.open(url("/regiony/malopolskie"));
        WebElement section = browser.driver().findElement(By.cssSelector("section.committee-work"));
        assertThat(section.getText())
                .contains("Posiedzenia komitetu")
                .containsPattern("\\d+ z \\d+ członków")
                .contains("Odwołane")
                .contains("Uchwała nr");
        check("region");

        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .update();
        browser.signInFully("http://localhost:" + port, DemoAccounts.COORDINATOR_MALOPOLSKIE);
        browser.open(url("/komitet/malopolskie/sklad"));
        String main = browser.driver().findElement(By.tagName("main")).getText();
        assertThat(main)
                .contains("Skład i kadencje")
                .contains("Związki zawodowe")
                .contains("Historia składu")
                .contains("Roman Próbny");
        check("page");

        long member = jdbc.sql("select id from committee_membership where full_name = 'Bartosz Umowny'")
                .query(Long.class)
                .single();
        WebElement change =
                browser.driver().findElement(By.cssSelector("a[href='/komitet/malopolskie/sklad/" + member + "']"));
        change.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlMatches("/sklad/" + member + "$"));
        check("member");

        WebElement email = browser.driver().findElement(By.id("accountEmail"));
        email.sendKeys("nikt@test.koordes.example");
        email.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("nie ma konta członka komitetu z tym adresem");
        check("member-errors");

        long linked = jdbc.sql("""
                        select m.id from committee_membership m join account a on a.id = m.account_id
                        where a.email = :e""")
                .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .query(Long.class)
                .single();
        browser.open(url("/komitet/malopolskie/sklad/" + linked + "/odlacz"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Odłączyć konto od członka komitetu?")
                .contains("Kamila Komitetowa");
        check("unlink");
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("committee-composition-" + name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
