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
 * Answering in a real browser: a participant follows the header link to the list of surveys, opens a survey,
 * sends it empty (the error summary naming each question), then answers it by keyboard only (space on radios,
 * check boxes and matrix cells, typing into the texts, the region chosen by typing) — the conditional question
 * appears when its option is chosen — and sees the copy. The list, the form with errors and the copy are
 * checked with axe-core at 1280 and at 375 px and kept as screenshots. The survey is deleted at the end.
 */
@IntegrationTest
class SurveysAnsweringBrowserIntegrationTests {

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long id(String sql, Object... args) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < args.length; i++) {
            statement = statement.param(i + 1, args[i]);
        }
        return statement.query(Long.class).single();
    }

    @Test
    void aParticipantAnswersASurveyByKeyboard() {
        long survey = id("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            results_visibility, allow_changes, audience_roles, link_token, created_at, updated_at,
                            published_at)
                        values ('Ankieta w przeglądarce', 'Trzy krótkie pytania o potrzeby doradcze.', true,
                            now() - interval '1 day', now() + interval '7 days', 'PERSON', 'RESPONDENTS', true,
                            '{PARTICIPANT}', md5(random()::text), now(), now(), now()) returning id""");
        try {
            long section = id(
                    "insert into surveys_section (survey_id, position, title) values (?, 0, 'Doradztwo') returning id",
                    survey);
            long single = id("""
                            insert into surveys_question (survey_id, section_id, position, type, text, required,
                                other_option)
                            values (?, ?, 0, 'SINGLE_CHOICE', 'Czy korzystacie z doradztwa?', true, true) returning id""", survey, section);
            long yes = id(
                    "insert into surveys_option (question_id, position, label) values (?, 0, 'Tak') returning id",
                    single);
            id("insert into surveys_option (question_id, position, label) values (?, 1, 'Nie') returning id", single);
            long conditional = id("""
                            insert into surveys_question (survey_id, section_id, position, type, text, required,
                                condition_option_id, help)
                            values (?, ?, 1, 'SHORT_TEXT', 'Z jakiego?', true, ?, 'Na przykład OWES w regionie.')
                            returning id""", survey, section, yes);
            long matrix = id("""
                            insert into surveys_question (survey_id, section_id, position, type, text, required,
                                scale_min_label, scale_max_label)
                            values (?, ?, 2, 'MATRIX', 'Jak ważne są tematy?', true, 'mało', 'bardzo') returning id""", survey, section);
            long r1 = id(
                    "insert into surveys_matrix_row (question_id, position, label) values (?, 0, 'Finanse') returning id",
                    matrix);
            long r2 = id(
                    "insert into surveys_matrix_row (question_id, position, label) values (?, 1, 'Prawo') returning id",
                    matrix);
            long number = id("""
                            insert into surveys_question (survey_id, section_id, position, type, text)
                            values (?, ?, 3, 'NUMBER', 'Ile godzin doradztwa rocznie?') returning id""", survey, section);

            browser.forgetCookies();
            browser.signIn(url("/logowanie"), DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
            browser.waiting().until(ExpectedConditions.urlMatches("/konto$"));
            browser.open(url("/konto"));
            browser.driver()
                    .findElement(By.cssSelector("header a[href='/ankiety']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/ankiety$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Ankieta w przeglądarce");
            check("list");

            browser.driver()
                    .findElement(By.cssSelector("main a[href='/ankiety/" + survey + "']"))
                    .click();
            browser.waiting().until(ExpectedConditions.urlMatches("/ankiety/" + survey + "$"));
            // The conditional question waits for its option.
            assertThat(browser.driver().findElement(By.id("q" + conditional)).isDisplayed())
                    .isFalse();
            browser.driver().findElement(By.cssSelector("button[value=wyslij]")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary")));
            assertThat(browser.status()).isEqualTo(422);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".error-summary"))
                            .getText())
                    .contains("Czy korzystacie z doradztwa?: Wybierz odpowiedź.")
                    .contains("Jak ważne są tematy?: Wybierz wartość w każdym wierszu.")
                    .contains("Wybierz województwo.")
                    .doesNotContain("Z jakiego?");
            check("form-errors");

            // By keyboard only.
            browser.driver().findElement(By.id("q" + single + "-o" + yes)).sendKeys(Keys.SPACE);
            WebElement which = browser.driver().findElement(By.id("q" + conditional));
            browser.waiting().until(ExpectedConditions.visibilityOf(which));
            which.sendKeys("OWES w Krakowie");
            browser.driver()
                    .findElement(By.id("q" + matrix + "-r" + r1 + "-v4"))
                    .sendKeys(Keys.SPACE);
            browser.driver()
                    .findElement(By.id("q" + matrix + "-r" + r2 + "-v2"))
                    .sendKeys(Keys.SPACE);
            browser.driver().findElement(By.id("q" + number)).sendKeys("12,5");
            browser.driver().findElement(By.id("wojewodztwo")).sendKeys("małopolskie");
            browser.driver().findElement(By.id("rodzaj")).sendKeys("Organizacja");
            browser.driver().findElement(By.cssSelector("button[value=wyslij]")).sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.urlMatches("/moja-odpowiedz$"));
            assertThat(browser.driver().findElement(By.tagName("main")).getText())
                    .contains("Dziękujemy, odpowiedź została wysłana.")
                    .contains("OWES w Krakowie")
                    .contains("Finanse: 4")
                    .contains("12,5");
            check("copy");
        } finally {
            jdbc.sql("delete from surveys_survey where id = :id")
                    .param("id", survey)
                    .update();
        }
    }

    private void check(String name) {
        browser.checkAccessible("surveys-answering-" + name);
        browser.emulateViewportWidth(375);
        try {
            browser.checkAccessible("surveys-answering-" + name + "-375");
            Reflow.assertNoHorizontalOverflow(browser, "surveys-answering-" + name);
        } finally {
            browser.resetViewport();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
