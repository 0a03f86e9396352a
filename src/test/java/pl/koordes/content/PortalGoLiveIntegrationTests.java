package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import pl.koordes.support.Http;
import pl.koordes.support.SignedInClient;

/**
 * What the portal shows the world before launch: in development an editor sees the placeholders of a
 * page with a warning (visitors see the page as stored); the sitemap lists events and macroregions beside
 * the portal's own pages; robots.txt keeps crawlers out of the working areas and names the sitemap; the
 * Atom feed's {@code updated} follows an article's later edit, not only its publication.
 */
class PortalGoLiveIntegrationTests extends SignedInEditorTest {

    private static final String AUTHOR = "Autor testowy gotowości";

    @AfterEach
    void removeArticles() {
        jdbc.sql("delete from article where author_name = :author")
                .param("author", AUTHOR)
                .update();
    }

    @Test
    void inDevelopmentAnEditorSeesThePlaceholdersWithAWarningAndVisitorsTheStoredText() {
        assertThat(editor.get("/prywatnosc").body())
                .contains("Na tej stronie zostało 8 miejsc do uzupełnienia")
                .contains("W wersji produkcyjnej odwiedzający nie zobaczą akapitów")
                .contains("<strong>[DO UZUPEŁNIENIA: pełna nazwa operatora programu");
        assertThat(new Http(port).get("/prywatnosc").body())
                .contains("<strong>[DO UZUPEŁNIENIA: pełna nazwa operatora programu")
                .doesNotContain("miejsc do uzupełnienia");
    }

    @Test
    void theSitemapListsPublicEventsMacroregionsAndRegions() throws Exception {
        long published = jdbc.sql("select min(id) from event where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
        long draft = jdbc.sql("select min(id) from event where status = 'DRAFT'")
                .query(Long.class)
                .single();
        String macroregion = jdbc.sql("select min(slug) from macroregion")
                .query(String.class)
                .single();
        String sitemap = new Http(port).get("/sitemap.xml").body();
        Document document = parse(sitemap);
        assertThat(document.getElementsByTagName("url").getLength()).isBetween(20, 50_000);
        assertThat(sitemap)
                .containsPattern("<loc>http://localhost:" + port + "/wydarzenia/" + published
                        + "</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>")
                .contains("/makroregiony/" + macroregion + "</loc>")
                .contains("/regiony/malopolskie</loc>")
                .contains("/prywatnosc</loc>")
                .doesNotContain("/wydarzenia/" + draft + "</loc>");
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfTheWorkingAreasAndNamesTheSitemap() {
        HttpResponse<String> robots = new Http(port).get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body())
                .startsWith("User-agent: *\n")
                .contains("Disallow: /admin\n")
                .contains("Disallow: /redakcja\n")
                .contains("Disallow: /organizacja\n")
                .contains("Disallow: /koordynacja\n")
                .contains("Disallow: /konto\n")
                .contains("Disallow: /logowanie\n")
                .contains("Allow: /\n")
                .contains("Sitemap: http://localhost:" + port + "/sitemap.xml\n")
                .doesNotContain("Disallow: /\n");
    }

    @Test
    void theAtomFeedsUpdatedFollowsAnArticlesLaterEdit() throws Exception {
        String publishedAt = LocalDateTime.now(ZoneId.of("Europe/Warsaw"))
                .minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> created =
                editor.post("/redakcja/artykuly/nowy", article("Pierwsza treść artykułu.", publishedAt));
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = SignedInClient.location(created);
        String before = new Http(port).get("/aktualnosci/atom.xml").body();
        String entryBefore = entry(before, "Gotowość: artykuł do kanału");
        assertThat(value(entryBefore, "updated")).isEqualTo(value(entryBefore, "published"));

        assertThat(editor.post(edit, article("Treść poprawiona po publikacji.", publishedAt))
                        .statusCode())
                .isEqualTo(302);
        String after = new Http(port).get("/aktualnosci/atom.xml").body();
        parse(after);
        String entryAfter = entry(after, "Gotowość: artykuł do kanału");
        Instant published = Instant.parse(value(entryAfter, "published"));
        Instant updated = Instant.parse(value(entryAfter, "updated"));
        assertThat(updated).isAfter(published).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        // The feed's own updated is its latest change: this edit.
        assertThat(Instant.parse(value(after.substring(0, after.indexOf("<entry>")), "updated")))
                .isEqualTo(updated);
    }

    private static String[] article(String body, String publishedAt) {
        return new String[] {
            "akcja", "zapisz",
            "title", "Gotowość: artykuł do kanału",
            "lead", "Wstęp artykułu do kanału Atom.",
            "body", body,
            "tags", "",
            "authorName", AUTHOR,
            "status", "PUBLISHED",
            "publishedAt", publishedAt,
            "imageId", ""
        };
    }

    private static String entry(String feed, String title) {
        int at = feed.indexOf("<title>" + title + "</title>");
        assertThat(at).as("entry " + title).isPositive();
        return feed.substring(feed.lastIndexOf("<entry>", at), feed.indexOf("</entry>", at));
    }

    private static String value(String xml, String tag) {
        Matcher matcher = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(xml);
        assertThat(matcher.find()).as(tag).isTrue();
        return matcher.group(1);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
