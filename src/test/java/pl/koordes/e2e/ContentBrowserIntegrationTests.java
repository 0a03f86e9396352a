package pl.koordes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.ArticleForm;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.content.internal.ImageManagement;
import pl.koordes.content.internal.KeptArticleList;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * The public portal and the editor in a real browser: no WCAG 2.1 AA violation found by axe-core on any
 * of their pages (screenshots in target/screenshots), the preview works without JavaScript, and an
 * article full of script payloads runs nothing anywhere it is shown.
 */
@IntegrationTest
class ContentBrowserIntegrationTests {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static final Browser browser = Browser.withJavaScript();

    @LocalServerPort
    int port;

    @Autowired
    ArticleManagement articles;

    @Autowired
    ImageManagement images;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptArticleList articleList;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name like '%hostile%'").update();
        // Deleted past the write paths, which would have told the editors' list kept in memory.
        articleList.forget();
    }

    @TestFactory
    Stream<DynamicTest> everyPublicPortalPageIsAccessible() {
        return Stream.of(
                        "/",
                        "/?lang=en",
                        "/aktualnosci",
                        "/aktualnosci?tag=dobre-praktyki",
                        "/aktualnosci?lang=en",
                        "/aktualnosci/ekonomia-spoleczna-w-regionach",
                        "/aktualnosci/jak-mierzyc-postep-regionalnego-programu-rozwoju-ekonomii-spolecznej",
                        "/strony/o-programie",
                        "/strony/manifest",
                        "/deklaracja-dostepnosci",
                        "/prywatnosc",
                        "/prywatnosc?lang=en",
                        "/patronaty")
                .map(path -> dynamicTest(path, () -> {
                    browser.forgetCookies();
                    browser.open(url(path));
                    assertThat(browser.status()).as(path).isEqualTo(200L);
                    browser.checkAccessible("content" + path.replaceAll("[^a-z0-9]+", "-"));
                }));
    }

    @Test
    void theEditorsPagesAreAccessibleAndThePreviewWorksWithoutJavaScript() {
        browser.forgetCookies();
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        browser.open(url("/redakcja"));
        browser.checkAccessible("editor-articles");

        browser.open(url("/redakcja/artykuly/nowy"));
        browser.checkAccessible("editor-new");
        browser.driver().findElement(By.id("title")).sendKeys("Podgląd w przeglądarce");
        browser.driver().findElement(By.id("body")).sendKeys("## Śródtytuł podglądu\n\nAkapit **pogrubiony**.");
        browser.driver().findElement(By.cssSelector("button[value=podglad]")).click();
        browser.waiting()
                .until(driver -> !driver.findElements(By.id("preview-heading")).isEmpty());
        assertThat(browser.driver()
                        .findElement(By.cssSelector(".preview h2:not(#preview-heading)"))
                        .getText())
                .isEqualTo("Śródtytuł podglądu");
        assertThat(browser.driver().findElement(By.id("title")).getDomProperty("value"))
                .isEqualTo("Podgląd w przeglądarce");
        browser.checkAccessible("editor-preview");

        browser.driver().findElement(By.id("title")).clear();
        browser.driver().findElement(By.cssSelector("button[value=zapisz]")).click();
        browser.waiting()
                .until(driver ->
                        !driver.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(browser.status()).isEqualTo(422L);
        browser.checkAccessible("editor-refused");

        long id = jdbc.sql("select id from article where slug = 'ekonomia-spoleczna-w-regionach'")
                .query(Long.class)
                .single();
        browser.open(url("/redakcja/artykuly/" + id));
        browser.checkAccessible("editor-edit");
        browser.open(url("/redakcja/artykuly/" + id + "/historia?od=1&do=2"));
        assertThat(browser.driver().findElements(By.cssSelector("ins.diff-line")))
                .isNotEmpty();
        browser.checkAccessible("editor-history-diff");
        browser.open(url("/redakcja/obrazy"));
        browser.checkAccessible("editor-images");
        browser.open(url("/redakcja/strony"));
        browser.checkAccessible("editor-pages");
        long page = jdbc.sql("select id from content_page where slug = 'manifest'")
                .query(Long.class)
                .single();
        browser.open(url("/redakcja/strony/" + page));
        browser.checkAccessible("editor-page");
        browser.open(url("/redakcja/motta"));
        browser.checkAccessible("editor-quotes");
        browser.open(url("/redakcja/partnerzy"));
        browser.checkAccessible("editor-partners");
    }

    @Test
    void anEditorRewritesThePrivacyPolicyAndItsAddressShowsTheNewText() {
        long id = jdbc.sql("select id from content_page where slug = 'prywatnosc'")
                .query(Long.class)
                .single();
        var original = jdbc.sql("select title, lead, body_markdown, body_html from content_page where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        try {
            browser.forgetCookies();
            browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
            browser.open(url("/redakcja/strony/" + id));
            var body = browser.driver().findElement(By.id("body"));
            body.clear();
            body.sendKeys("## Administrator danych\n\nAdministratorem jest Fundacja Przykładowa (test przeglądarki).");
            browser.driver().findElement(By.cssSelector("button[value=zapisz]")).click();
            browser.waiting()
                    .until(driver ->
                            !driver.findElements(By.cssSelector(".notice")).isEmpty());
            browser.forgetCookies();
            browser.open(url("/prywatnosc"));
            assertThat(browser.status()).isEqualTo(200L);
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".article-body"))
                            .getText())
                    .contains("Administratorem jest Fundacja Przykładowa (test przeglądarki).")
                    .doesNotContain("DO UZUPEŁNIENIA");
            browser.checkAccessible("content-privacy-edited");
        } finally {
            jdbc.sql(
                            "update content_page set title = :title, lead = :lead, body_markdown = :body, body_html = :html where id = :id")
                    .param("title", original.get("title"))
                    .param("lead", original.get("lead"))
                    .param("body", original.get("body_markdown"))
                    .param("html", original.get("body_html"))
                    .param("id", id)
                    .update();
        }
    }

    @Test
    void anArticleFullOfScriptPayloadsRunsNothingWhereverItIsShown() {
        long image = images.uploadImage(
                pictureBytes(), "\"><svg onload=alert(1)>.png", SCRIPT + IMG + "\" onmouseover=\"alert(1)", "hostile");
        String body = String.join(
                "\n\n",
                "# " + SCRIPT,
                IMG,
                "[klik](javascript:alert(1))",
                "[klik2](JAVASCRIPT:alert(1))",
                "![" + SCRIPT + "](/media/" + image + ")",
                "<a href=\"javascript:alert(1)\" onclick=\"alert(1)\">a</a>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "[x](/a \"t\\\" onmouseover=alert(1) x=\\\"\")",
                "<svg/onload=alert(1)>",
                "`" + SCRIPT + "`");
        articles.createArticle(
                new ArticleForm(
                        "Tytuł " + SCRIPT + IMG,
                        "Lead " + SCRIPT + IMG,
                        body,
                        SCRIPT + ", " + IMG,
                        "hostile " + SCRIPT,
                        "PUBLISHED",
                        "",
                        String.valueOf(image),
                        "",
                        "",
                        ""),
                "hostile");
        String slug = jdbc.sql("select slug from article where author_name like 'hostile%'")
                .query(String.class)
                .single();
        browser.forgetCookies();
        for (String path :
                List.of("/aktualnosci/" + slug, "/aktualnosci", "/", "/aktualnosci?tag=script-alert-1-script")) {
            browser.open(url(path));
            assertThat(browser.status()).as(path).isEqualTo(200L);
            assertNothingRuns(path);
        }
        browser.signIn(url("/logowanie"), DemoAccounts.EDITOR, DemoAccounts.PASSWORD);
        long id = jdbc.sql("select id from article where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
        browser.open(url("/redakcja/artykuly/" + id));
        browser.driver().findElement(By.cssSelector("button[value=podglad]")).click();
        browser.waiting()
                .until(driver -> !driver.findElements(By.id("preview-heading")).isEmpty());
        assertNothingRuns("preview");
        browser.open(url("/redakcja/obrazy"));
        assertNothingRuns("images");
        browser.open(url("/redakcja/artykuly/" + id + "/historia"));
        assertNothingRuns("history");
    }

    private static void assertNothingRuns(String where) {
        assertThatThrownBy(() -> browser.driver().switchTo().alert())
                .as(where)
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.js().executeScript("""
                const injected = [...document.querySelectorAll('*')].filter(e =>
                    [...e.attributes].some(a => a.name.startsWith('on')
                        || (['href', 'src', 'action', 'formaction'].includes(a.name) && /^\\s*javascript:/i.test(a.value))));
                const scripts = [...document.scripts].filter(s => s.textContent.includes('alert(1)'));
                const foreign = document.querySelectorAll('main iframe, main svg:not(.poland-map svg), img[src="x"]');
                return injected.length + scripts.length + foreign.length;
                """))
                .as("injected elements on %s", where)
                .isEqualTo(0L);
    }

    private static byte[] pictureBytes() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
