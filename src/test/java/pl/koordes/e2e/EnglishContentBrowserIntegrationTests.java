package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Articles, events and static pages in English mode (with an English version, and the Polish text marked
 * as Polish where there is none) and the editors' new page and partner forms: no WCAG 2.1 AA violation
 * found by axe-core at 1280 and at 375 pixels (screenshots in target/screenshots).
 */
@IntegrationTest
class EnglishContentBrowserIntegrationTests {

    private static final List<Integer> WIDTHS = List.of(1280, 375);

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> englishPagesAreAccessibleOnAWideAndANarrowScreen() {
        long englishEvent = jdbc.sql(
                        "select id from event where title_en = 'National meeting of regional coordinators'")
                .query(Long.class)
                .single();
        long polishEvent = jdbc.sql("select id from event where title = 'Webinarium: nowe wytyczne dla OWES'")
                .query(Long.class)
                .single();
        String polishArticle = jdbc.sql("select slug from article where title like 'Postulaty regionów%'")
                .query(String.class)
                .single();
        List<String[]> pages = List.of(
                new String[] {"en-article", "/aktualnosci/ekonomia-spoleczna-w-regionach?lang=en"},
                new String[] {"en-article-polish", "/aktualnosci/" + polishArticle + "?lang=en"},
                new String[] {"en-articles", "/aktualnosci?lang=en"},
                new String[] {"en-event", "/wydarzenia/" + englishEvent + "?lang=en"},
                new String[] {"en-event-polish", "/wydarzenia/" + polishEvent + "?lang=en"},
                new String[] {"en-events", "/wydarzenia?lang=en"},
                new String[] {"en-calendar", "/wydarzenia/kalendarz?lang=en"},
                new String[] {"en-about", "/strony/o-programie?lang=en"},
                new String[] {"en-accessibility", "/deklaracja-dostepnosci?lang=en"});
        List<DynamicTest> tests = new ArrayList<>();
        for (int width : WIDTHS) {
            for (String[] page : pages) {
                tests.add(dynamicTest(page[0] + "-" + width, () -> {
                    browser.forgetCookies();
                    browser.emulateViewportWidth(width);
                    try {
                        browser.open(url(page[1]));
                        assertThat(browser.status()).as(page[1]).isEqualTo(200L);
                        browser.checkAccessible(page[0] + "-" + width);
                    } finally {
                        browser.resetViewport();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theHeaderAndFooterLinkToTheEnglishPagesInEnglishMode() {
        browser.forgetCookies();
        browser.open(url("/?lang=en"));
        String header = browser.driver().findElement(By.cssSelector("header")).getText();
        assertThat(header).contains("About the programme").contains("Manifesto");
        String footer = browser.driver().findElement(By.cssSelector("footer")).getText();
        assertThat(footer).contains("Accessibility statement");
        browser.driver().findElement(By.linkText("Manifesto")).click();
        browser.waiting().until(driver -> driver.getCurrentUrl().contains("/strony/manifest"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Manifesto");
    }

    @Test
    void theEditorsNewPageArticleAndPartnerFormsAreAccessibleOnAWideAndANarrowScreen() {
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        long article = jdbc.sql("select id from article where slug = 'ekonomia-spoleczna-w-regionach'")
                .query(Long.class)
                .single();
        long partner = jdbc.sql("select min(id) from partner").query(Long.class).single();
        for (int width : WIDTHS) {
            browser.emulateViewportWidth(width);
            try {
                browser.open(url("/redakcja/strony/nowa"));
                assertThat(browser.status()).isEqualTo(200L);
                browser.checkAccessible("editor-new-page-" + width);
                browser.driver().findElement(By.id("slug")).sendKeys("Zły adres");
                browser.driver().findElement(By.id("titleEn")).sendKeys("Contact");
                browser.driver()
                        .findElement(By.cssSelector("button[value=zapisz]"))
                        .click();
                browser.waiting()
                        .until(driver -> !driver.findElements(By.cssSelector(".error-summary"))
                                .isEmpty());
                assertThat(browser.status()).isEqualTo(422L);
                assertThat(browser.driver().findElement(By.id("titleEn")).getDomProperty("value"))
                        .isEqualTo("Contact");
                browser.checkAccessible("editor-new-page-refused-" + width);

                browser.open(url("/redakcja/artykuly/" + article));
                browser.checkAccessible("editor-article-english-" + width);
                browser.open(url("/redakcja/partnerzy/" + partner));
                assertThat(browser.status()).isEqualTo(200L);
                browser.checkAccessible("editor-partner-" + width);
            } finally {
                browser.resetViewport();
            }
        }
        assertThat(jdbc.sql("select count(*) from content_page where slug like 'zly%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
