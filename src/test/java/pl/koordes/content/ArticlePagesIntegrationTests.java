package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/** The public articles on a real PostgreSQL with the demo articles. */
@IntegrationTest
@Import({TestExtensions.class, ContentTestExtensions.class})
class ArticlePagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PublishedArticles published;

    @Autowired
    ArticleManagement management;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void removeTestArticles() {
        jdbc.sql("delete from article where author_name = 'test author'").update();
    }

    @Test
    void theListShowsPublishedArticlesNewestFirstWithoutDraftsOrScheduledOnes() {
        HttpResponse<String> response = http.get("/aktualnosci");
        assertThat(response.statusCode()).isEqualTo(200);
        // Reading costs no session; the comment form's CSRF token may come in its own cookie.
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        String body = response.body();
        assertThat(body)
                .contains("Ekonomia społeczna w usługach opiekuńczych")
                .doesNotContain("Szkic: plan spotkań")
                .doesNotContain("Zapowiedź: ogólnopolskie spotkanie")
                .contains("10 artykułów");
        assertThat(body.indexOf("usługach opiekuńczych")).isLessThan(body.indexOf("Postulaty regionów: pierwsze"));
    }

    @Test
    void theListPaginatesAndFiltersByTag() {
        for (int i = 0; i < 5; i++) {
            management.createArticle(
                    form("Starszy artykuł " + i, "PUBLISHED", "2016-0" + (i + 1) + "-01T10:00"), "test");
        }
        String first = http.get("/aktualnosci").body();
        assertThat(first).contains("15 artykułów").contains("rel=\"next\"").doesNotContain("Starszy artykuł");
        String second = http.get("/aktualnosci?strona=2").body();
        assertThat(second).contains("Starszy artykuł 4").contains("aria-current=\"page\">Strona 2<");
        assertThat(http.get("/aktualnosci?strona=3").statusCode()).isEqualTo(404);
        assertThat(http.get("/aktualnosci?strona=abc").statusCode()).isEqualTo(200);

        String tagged = http.get("/aktualnosci?tag=dobre-praktyki").body();
        assertThat(tagged)
                .contains("Aktualności z tagiem „dobre praktyki”")
                .contains("Spółdzielnia socjalna, która gotuje dla szkół")
                .contains("Centrum integracji społecznej jako partner")
                .doesNotContain("Klauzule społeczne w zamówieniach")
                .contains("2 artykuły");
        assertThat(http.get("/aktualnosci?tag=nie-ma-takiego").statusCode()).isEqualTo(404);
    }

    @Test
    void anArticlePageShowsPublicationAndUpdateDatesTagsAndRenderedMarkdown() {
        HttpResponse<String> response = http.get("/aktualnosci/ekonomia-spoleczna-w-regionach");
        assertThat(response.statusCode()).isEqualTo(200);
        // Reading costs no session; the comment form's CSRF token may come in its own cookie.
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        String body = response.body();
        assertThat(body)
                .contains("<h1 id=\"article-title\">Ekonomia społeczna w regionach</h1>")
                .contains("Opublikowano 31.08.2017")
                .contains("Aktualizacja: ")
                .contains("<h2>Wspólny cel, różne narzędzia</h2>")
                .contains("<a href=\"/aktualnosci?tag=rops\">ROPS</a>")
                .contains("<meta property=\"og:title\" content=\"Ekonomia społeczna w regionach\">")
                .contains("<meta name=\"description\" content=\"Szesnaście województw");
        String other = http.get("/aktualnosci/spoldzielnia-socjalna-ktora-gotuje-dla-szkol")
                .body();
        assertThat(other).contains("Opublikowano 08.06.2026").doesNotContain("Aktualizacja:");
    }

    @Test
    void draftsScheduledAndUnknownArticlesAreNotFound() {
        assertThat(http.get("/aktualnosci/szkic-plan-spotkan-na-przyszly-rok").statusCode())
                .isEqualTo(404);
        assertThat(http.get("/aktualnosci/zapowiedz-ogolnopolskie-spotkanie-koordynatorow")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/aktualnosci/nie-ma-takiego").statusCode()).isEqualTo(404);
        assertThat(http.get("/aktualnosci/" + "x".repeat(500)).statusCode()).isEqualTo(404);
        assertThat(published.findBySlug("szkic-plan-spotkan-na-przyszly-rok")).isEmpty();
        assertThat(published.findBySlug("zapowiedz-ogolnopolskie-spotkanie-koordynatorow"))
                .isEmpty();
    }

    @Test
    void sectionsOfOtherModulesAppearBelowTheArticleInOrderEscapedWhereTheyAskForIt() {
        long id = published
                .findBySlug("ekonomia-spoleczna-w-regionach")
                .orElseThrow()
                .id();
        String body = http.get("/aktualnosci/ekonomia-spoleczna-w-regionach").body();
        assertThat(body)
                .contains("<section id=\"earlier\">10 /aktualnosci/ekonomia-spoleczna-w-regionach " + id + "</section>")
                .contains("<section id=\"later\">20 &lt;b&gt;escaped&lt;/b&gt;</section>");
        assertThat(body.indexOf("Wspólny cel")).isLessThan(body.indexOf("id=\"earlier\""));
        assertThat(body.indexOf("id=\"earlier\"")).isLessThan(body.indexOf("id=\"later\""));
        assertThat(http.get("/aktualnosci/ekonomia-spoleczna-w-regionach?bez-sekcji")
                        .body())
                .doesNotContain("id=\"earlier\"");
    }

    @Test
    void publishedArticlesAreFoundByIdSlugAndManyIdsAtOnce() {
        ArticleReference article =
                published.findBySlug("ekonomia-spoleczna-w-regionach").orElseThrow();
        assertThat(article.path()).isEqualTo("/aktualnosci/ekonomia-spoleczna-w-regionach");
        assertThat(article.title()).isEqualTo("Ekonomia społeczna w regionach");
        assertThat(published.findById(article.id())).contains(article);
        long draft = jdbc.sql("select id from article where status = 'DRAFT' limit 1")
                .query(Long.class)
                .single();
        Map<Long, ArticleReference> found = published.findByIds(List.of(article.id(), draft, -5L));
        assertThat(found).containsOnlyKeys(article.id());
        assertThat(published.findByIds(List.of())).isEmpty();
        assertThat(published.findById(draft)).isEmpty();
    }

    @Test
    void aNewTitleGivesANewAddressAndTheOldOneRedirectsPermanently() {
        long id = management.createArticle(form("Ekonomia społeczna w regionach", "PUBLISHED"), "test");
        String slug = slugOf(id);
        assertThat(slug).isEqualTo("ekonomia-spoleczna-w-regionach-2");
        management.updateArticle(id, form("Nowy tytuł: łódzkie i śląskie", "PUBLISHED"), "test");
        assertThat(slugOf(id)).isEqualTo("nowy-tytul-lodzkie-i-slaskie");
        HttpResponse<String> old = http.get("/aktualnosci/" + slug);
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/aktualnosci/nowy-tytul-lodzkie-i-slaskie"));
        assertThat(http.get("/aktualnosci/nowy-tytul-lodzkie-i-slaskie").body())
                .contains("Nowy tytuł: łódzkie i śląskie");
        // Back to the first title: the address is the article's own again, not a redirect loop.
        management.updateArticle(id, form("Ekonomia społeczna w regionach", "PUBLISHED"), "test");
        assertThat(slugOf(id)).isEqualTo(slug);
        assertThat(http.get("/aktualnosci/" + slug).statusCode()).isEqualTo(200);
        assertThat(http.get("/aktualnosci/nowy-tytul-lodzkie-i-slaskie").statusCode())
                .isEqualTo(301);
        assertThat(jdbc.sql("select count(*) from article_revision where article_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    private String slugOf(long id) {
        return jdbc.sql("select slug from article where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    static ArticleForm form(String title, String status) {
        return form(title, status, "2026-01-10T10:00");
    }

    static ArticleForm form(String title, String status, String publishedAt) {
        return new ArticleForm(
                title,
                "Lead <b>testowy</b>",
                "Treść **testowa**.",
                "test, <i>tag</i>",
                "test author",
                status,
                publishedAt,
                "",
                "",
                "",
                "");
    }
}
