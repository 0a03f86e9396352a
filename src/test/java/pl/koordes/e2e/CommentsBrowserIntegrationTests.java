package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.comments.CommentsTesting;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The comment form and the moderation pages in Chromium: axe finds no WCAG 2.1 AA violation in any
 * state (empty, refused with errors, sent), the form works from the keyboard alone with its proof of
 * work solved in the background, and script payloads in every field run nowhere.
 */
@IntegrationTest
class CommentsBrowserIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2) id=injected>",
            "javascript:alert(3)",
            "<svg onload=alert(4) id=injected>",
            "'\"><iframe srcdoc=\"<script>alert(5)</script>\"></iframe>",
            "[klik](javascript:alert(6)) https://x.example/\"onmouseover=alert(7)");

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    CommentsTesting testing;

    @BeforeEach
    void anonymous() {
        testing = CommentsTesting.of(context);
        browser.forgetCookies();
        browser.resetViewport();
    }

    @Test
    void theFormIsAccessibleEmptyRefusedAndSentAndWorksFromTheKeyboard() {
        ArticleReference article = testing.article();
        testing.approvedComments(article, 3);
        testing.replyToFirst(article, "Dziękujemy za głos.\nRedakcja");
        browser.open(url(article.path()));
        browser.checkAccessible("comments-form-empty");

        String title = "Z klawiatury " + System.nanoTime();
        browser.driver().findElement(By.id("comment-title")).click();
        // Title left empty on purpose: Tab from it through the form, typing as a keyboard user does.
        WebElement focused = tab();
        assertThat(focused.getDomAttribute("id")).isEqualTo("comment-body");
        focused.sendKeys("Pierwszy wiersz");
        focused.sendKeys(Keys.SHIFT, Keys.ENTER);
        focused.sendKeys("Drugi wiersz " + title);
        focused = tab();
        assertThat(focused.getDomAttribute("id")).isEqualTo("comment-signature");
        focused.sendKeys("Klawiaturowa Klara");
        assertThat(tab().getDomAttribute("id")).isEqualTo("comment-email");
        assertThat(tab().getDomAttribute("id")).isEqualTo("comment-consent");
        focused = tab();
        assertThat(focused.getTagName()).isEqualTo("button");
        String before = browser.driver().getCurrentUrl();
        focused.sendKeys(Keys.ENTER);
        browser.waiting().until(driver -> !driver.getCurrentUrl().equals(before));

        assertThat(browser.status()).isEqualTo(422);
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".error-summary"))
                        .getText())
                .contains("Tytuł: wpisz tytuł komentarza.");
        assertThat(browser.driver().findElement(By.id("comment-body")).getDomProperty("value"))
                .contains("Drugi wiersz");
        browser.checkAccessible("comments-form-errors");

        browser.driver().findElement(By.cssSelector(".error-summary a")).click();
        WebElement titleField = browser.driver().switchTo().activeElement();
        assertThat(titleField.getDomAttribute("id")).isEqualTo("comment-title");
        titleField.sendKeys(title);
        titleField.sendKeys(Keys.ENTER);
        browser.waiting().until(driver -> driver.getCurrentUrl().contains("komentarz=oczekuje"));

        assertThat(browser.driver()
                        .findElement(By.cssSelector(".comments .notice"))
                        .getText())
                .contains("Komentarz czeka na zatwierdzenie");
        browser.checkAccessible("comments-form-sent");
        // The script solved the proof of work: the comment is not marked as sent without it.
        assertThat(jdbc.sql("select cardinality(flags) from comments_comment where title = :t")
                        .param("t", title)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theModerationPagesAreAccessible() {
        ArticleReference article = testing.article();
        testing.pendingComments(article, 3);
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);

        browser.open(url("/redakcja/komentarze"));
        browser.checkAccessible("comments-queue");
        browser.driver()
                .findElement(By.cssSelector(".moderation-item input[type=checkbox]"))
                .click();
        browser.driver()
                .findElement(By.cssSelector(".bulk-actions button[value=APPROVE]"))
                .click();
        browser.waiting()
                .until(driver ->
                        !driver.findElements(By.cssSelector(".notice.success")).isEmpty());
        browser.checkAccessible("comments-queue-after-approval");

        browser.open(url("/redakcja/komentarze?stan=APPROVED&artykul=" + article.id()));
        browser.driver().findElement(By.cssSelector(".moderation-item h2 a")).click();
        browser.waiting().until(driver -> driver.getCurrentUrl().matches(".*/redakcja/komentarze/\\d+$"));
        browser.checkAccessible("comments-moderation-detail");

        browser.open(url("/redakcja/komentarze/zakazane-frazy"));
        browser.checkAccessible("comments-banned-phrases");
    }

    @Test
    void scriptPayloadsInEveryFieldRunNowhere() {
        ArticleReference article = testing.article();
        for (String payload : PAYLOADS) {
            testing.approvedComment(article, payload + " tytuł", payload + "\n" + payload, payload);
        }
        testing.replyToFirst(article, PAYLOADS.get(1));
        browser.open(url(article.path()));
        browser.fullPageScreenshot("comments-hostile-article");
        assertSafe();
        assertThat(browser.driver().findElement(By.cssSelector(".comment-list")).getText())
                .contains("<script>alert(1)</script>");
        assertThat(browser.driver().findElements(By.cssSelector(".comment-list a[href^='javascript']")))
                .isEmpty();

        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        browser.open(url("/redakcja/komentarze?stan=APPROVED&artykul=" + article.id()));
        assertSafe();
    }

    @Test
    void scriptPayloadsTypedIntoARefusedFormRunNowhere() {
        ArticleReference article = testing.article();
        for (String payload : PAYLOADS) {
            browser.open(url(article.path()));
            // Refused (the content is too long), so the page shows everything typed again.
            fill("comment-title", payload);
            fill("comment-body", payload + "x".repeat(4001));
            fill("comment-signature", payload);
            fill("comment-email", payload);
            String before = browser.driver().getCurrentUrl();
            String cookies = String.valueOf(browser.driver().executeCdpCommand("Network.getAllCookies", Map.of()));
            String token = browser.driver().findElement(By.name("_csrf")).getDomProperty("value");
            browser.driver()
                    .findElement(By.cssSelector("#comment-form button[type=submit]"))
                    .click();
            browser.waiting().until(driver -> !driver.getCurrentUrl().equals(before));
            browser.fullPageScreenshot("comments-hostile-refused-" + PAYLOADS.indexOf(payload));
            assertThat(browser.status())
                    .as(
                            "payload %s: %s; cookies %s; token %s",
                            payload,
                            browser.driver().findElement(By.tagName("main")).getText(),
                            cookies,
                            token)
                    .isEqualTo(422);
            assertSafe();
            assertThat(browser.driver().findElement(By.id("comment-title")).getDomProperty("value"))
                    .isEqualTo(payload);
        }
    }

    private void fill(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        // Typing thousands of characters is slow; set the value as a paste would.
        browser.js().executeScript("arguments[0].value = arguments[1]", field, text);
    }

    private static void assertSafe() {
        assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver().findElements(By.id("injected"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("main iframe, main svg[onload], main img[onerror]")))
                .isEmpty();
        assertThat(browser.js()
                        .executeScript("return [...document.scripts].some(s => s.textContent.includes('alert('))"))
                .isEqualTo(false);
    }

    private static WebElement tab() {
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        return browser.driver().switchTo().activeElement();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
