package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;

/** The home page, static pages, patrons and partners, feeds and the sitemap, on the demo data. */
@IntegrationTest
@Import({TestExtensions.class, ContentTestExtensions.class})
class PortalPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theHomePageShowsTheMottoLatestArticlesMapAndPartnersWithoutASession() {
        HttpResponse<String> response = new Http(port).get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        String body = response.body();
        assertThat(body)
                .contains("<figure class=\"motto\">")
                .contains("Ekonomia społeczna zaczyna się tam, gdzie ktoś pyta sąsiada")
                .contains("Ekonomia społeczna w usługach opiekuńczych")
                .contains("<h2 id=\"partners-heading\">Patronaty i współpraca</h2>")
                .contains("Fundusz Wzorcowy dla Regionów (demo)")
                .contains("Finansowanie")
                .contains("<svg viewBox=");
        assertThat(body.indexOf("class=\"motto\"")).isLessThan(body.indexOf("latest-heading"));
        assertThat(body.indexOf("latest-heading")).isLessThan(body.indexOf("partners-heading"));
        // The cached map is the same HTML on the next request, in each language.
        String english = new Http(port).get("/?lang=en").body();
        assertThat(english).contains("Patronage and cooperation").contains("<svg viewBox=");
        assertThat(new Http(port).get("/").body())
                .contains(body.substring(body.indexOf("<svg"), body.indexOf("</svg>")));
    }

    @Test
    void withoutAFeaturedQuoteTheQuotesTakeTurns() {
        jdbc.sql("update motto_quote set featured = false").update();
        try {
            String body = new Http(port).get("/").body();
            assertThat(body).contains("<figure class=\"motto\">");
        } finally {
            jdbc.sql("update motto_quote set featured = true where id = (select min(id) from motto_quote)")
                    .update();
        }
    }

    @Test
    void staticPagesAndTheAccessibilityDeclarationAreShown() {
        Http http = new Http(port);
        HttpResponse<String> about = http.get("/strony/o-programie");
        assertThat(about.statusCode()).isEqualTo(200);
        assertThat(about.body())
                .contains("<h1 id=\"page-title\">O programie</h1>")
                .contains("Ostatnia aktualizacja:");
        String declaration = http.get("/deklaracja-dostepnosci").body();
        assertThat(declaration)
                .contains("Deklaracja dostępności")
                .contains("Stan dostępności cyfrowej")
                .contains("Procedura wnioskowo-skargowa")
                .contains("Dostępność architektoniczna")
                .contains("Informacje zwrotne i dane kontaktowe")
                .contains("Rzecznika Praw Obywatelskich");
        assertThat(http.get("/strony/deklaracja-dostepnosci").statusCode()).isEqualTo(404);
        assertThat(http.get("/strony/nie-ma-takiej").statusCode()).isEqualTo(404);
    }

    @Test
    void thePrivacyPolicyIsARequiredPageWithADefaultTextAtItsOwnAddress() {
        Http http = new Http(port);
        HttpResponse<String> privacy = http.get("/prywatnosc");
        assertThat(privacy.statusCode()).isEqualTo(200);
        assertThat(privacy.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        assertThat(privacy.body())
                .contains("<h1 id=\"page-title\">Polityka prywatności</h1>")
                .contains("Administrator danych")
                .contains("Cele i podstawy prawne")
                .contains("Jak długo przechowujemy dane")
                .contains("Twoje prawa")
                .contains("Prezesa Urzędu Ochrony Danych Osobowych")
                .contains("[DO UZUPEŁNIENIA: pełna nazwa operatora programu");
        // It comes with an English version, as do the demo pages (a page without one: EnglishContentIntegrationTests).
        assertThat(http.get("/prywatnosc?lang=en").body())
                .contains("<article class=\"article\" aria-labelledby=\"page-title\">")
                .contains("<h1 id=\"page-title\">Privacy policy</h1>")
                .contains("[TO BE COMPLETED: full name of the programme operator")
                .doesNotContain("Administrator danych");
        assertThat(http.get("/strony/o-programie?lang=en").body())
                .contains("<article class=\"article\" aria-labelledby=\"page-title\">")
                .contains("<h1 id=\"page-title\">About the programme</h1>");
        assertThat(http.get("/deklaracja-dostepnosci?lang=en").body())
                .contains("<h1 id=\"page-title\">Accessibility statement</h1>");
        assertThat(http.get("/strony/prywatnosc").statusCode()).isEqualTo(404);
        assertThat(http.get("/sitemap.xml").body()).contains("/prywatnosc</loc>");
    }

    @Test
    void thePartnersPageListsAllKindsWithLogos() {
        String body = new Http(port).get("/patronaty").body();
        assertThat(body)
                .contains("Patronat")
                .contains("Finansowanie")
                .contains("Partner")
                .contains("Patronat medialny")
                .contains("href=\"https://ministerstwo.example\"")
                .containsPattern("<img src=\"/media/\\d+\" alt=\"\"");
    }

    @Test
    void feedsAndTheSitemapAreWellFormedXmlWithPublishedArticlesOnly() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> rss = http.get("/aktualnosci/rss.xml");
        assertThat(rss.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        Document rssDocument = parse(rss.body());
        assertThat(rssDocument.getElementsByTagName("item").getLength()).isEqualTo(10);
        assertThat(rss.body())
                .contains("<title>Ekonomia społeczna w usługach opiekuńczych</title>")
                .doesNotContain("Szkic: plan")
                .doesNotContain("Zapowiedź: ogólnopolskie");

        HttpResponse<String> atom = http.get("/aktualnosci/atom.xml");
        assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        assertThat(parse(atom.body()).getElementsByTagName("entry").getLength()).isEqualTo(10);

        String sitemap = http.get("/sitemap.xml").body();
        parse(sitemap);
        assertThat(sitemap)
                .contains("/aktualnosci/ekonomia-spoleczna-w-regionach</loc>")
                .contains("/deklaracja-dostepnosci</loc>")
                .contains("/strony/manifest</loc>")
                .contains("/regiony/malopolskie</loc>")
                .doesNotContain("szkic-plan");
        assertThat(http.get("/aktualnosci").body()).contains("href=\"/aktualnosci/rss.xml\"");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
