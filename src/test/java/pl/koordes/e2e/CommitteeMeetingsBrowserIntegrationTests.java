package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Committee meetings in a real browser: the secretary prepares a meeting by keyboard (first with a missing place:
 * the error summary), convenes it; a member linked to an account excuses their absence on the meeting's page;
 * once it has started the secretary records the attendance, the excuse marked already. The space, the form, the
 * meeting and the attendance are checked with axe-core at 1280 and 375 px and kept as screenshots.
 */
@IntegrationTest
class CommitteeMeetingsBrowserIntegrationTests {

    private static final String TITLE = "Posiedzenie w przeglądarce";
    private static final String MEMBER = "Członek w przeglądarce";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private java.util.List<Long> demoSeats = java.util.List.of();

    @AfterEach
    void cleanUp() {
        if (!demoSeats.isEmpty()) {
            jdbc.sql(
                            "update committee_membership set account_id = (select id from account where email = :e) where id in (:ids)")
                    .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                    .param("ids", demoSeats)
                    .update();
        }
        jdbc.sql("delete from committee_meeting where title like :t")
                .param("t", TITLE + "%")
                .update();
        jdbc.sql("delete from committee_membership where full_name = :n")
                .param("n", MEMBER)
                .update();
    }

    @Test
    void theSecretaryConvenesTheMemberAnswersAndAttendanceIsRecorded() throws Exception {
        // The demo member's own seat is set aside, so that the account answers through this test's seat.
        demoSeats = jdbc.sql(
                        "select m.id from committee_membership m join account a on a.id = m.account_id where a.email = :e")
                .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .query(Long.class)
                .list();
        jdbc.sql(
                        "update committee_membership set account_id = null where id in (select m.id from committee_membership m join account a on a.id = m.account_id where a.email = :e)")
                .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .update();
        jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function,
                            function_form, term_start, email, account_id)
                        select c.id, :n, 'Fundacja', 'NGO', 'MEMBER', 'UNSPECIFIED', current_date - 400, a.email, a.id
                        from committee c join region r on r.id = c.region_id, account a
                        where r.slug = 'malopolskie' and a.email = :e
                        order by (current_date between c.term_start and c.term_end) desc, c.term_start desc limit 1
                        """)
                .param("n", MEMBER)
                .param("e", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .update();
        signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        browser.open(url("/komitet"));
        browser.waiting().until(ExpectedConditions.urlMatches("/komitet/malopolskie$"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Posiedzenia");
        check("space");

        browser.driver().findElement(By.linkText("Nowe posiedzenie")).sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlMatches("/posiedzenia/nowe$"));
        browser.driver().findElement(By.id("title")).sendKeys(TITLE);
        browser.driver().findElement(By.id("meetingPlace")).clear();
        browser.driver()
                .findElement(By.cssSelector("form[action$='/posiedzenia/nowe'] button[type=submit]"))
                .sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("podaj miejsce posiedzenia");
        check("form-errors");
        browser.driver().findElement(By.id("meetingPlace")).sendKeys("Sala obrad, ul. Basztowa 22, Kraków");
        browser.driver().findElement(By.id("agenda")).sendKeys("1. Otwarcie\n2. Opinia o programie");
        browser.driver()
                .findElement(By.cssSelector("form[action$='/posiedzenia/nowe'] button[type=submit]"))
                .sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlMatches("/posiedzenia/\\d+$"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Szkic");
        browser.driver()
                .findElement(By.cssSelector("form[action$='/zwolaj'] button"))
                .sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Posiedzenie zwołane"));
        String meeting = browser.driver().getCurrentUrl();
        check("meeting");

        signIn(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        browser.open(meeting);
        browser.driver().findElement(By.id("meetingAnswer-EXCUSED")).sendKeys(Keys.SPACE);
        browser.driver().findElement(By.id("answerReason")).sendKeys("Delegacja służbowa");
        check("answer");
        browser.driver()
                .findElement(By.cssSelector("form[action$='/odpowiedz'] button"))
                .sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Odpowiedź zapisana"));

        // The meeting starts: the secretary records who came.
        jdbc.sql("""
                        update committee_meeting set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'
                        where title = :t
                        """).param("t", TITLE).update();
        signIn(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        browser.open(meeting + "/obecnosc");
        long seat = jdbc.sql("select id from committee_membership where full_name = :n")
                .param("n", MEMBER)
                .query(Long.class)
                .single();
        assertThat(browser.driver()
                        .findElement(By.id("presence-" + seat + "-EXCUSED"))
                        .isSelected())
                .isTrue();
        for (var radio : browser.driver().findElements(By.cssSelector("input[type=radio][value=PRESENT]"))) {
            String id = radio.getDomAttribute("id");
            if (id != null && !id.equals("presence-" + seat + "-PRESENT")) {
                radio.sendKeys(Keys.SPACE);
            }
        }
        check("attendance");
        browser.driver()
                .findElement(By.cssSelector("form[action$='/obecnosc'] button[type=submit]"))
                .sendKeys(Keys.ENTER);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Obecność zapisana"));
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Odbyte")
                .contains("Delegacja służbowa");
        check("held");
        assertThat(LocalDate.now(ZoneId.of("Europe/Warsaw"))).isNotNull();
    }

    private void check(String name) {
        browser.checkAccessibleAtBothWidths("committee-meetings-" + name);
    }

    private void signIn(String email) throws Exception {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", email)
                .update();
        browser.signInFully("http://localhost:" + port, email);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
