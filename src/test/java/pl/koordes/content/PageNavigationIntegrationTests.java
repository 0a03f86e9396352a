package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pl.koordes.support.Http;

/**
 * Editors place pages in the main navigation or the footer of every page, in their order; the header
 * keeps the fixed module links first, marks the page being read and says a Polish title is Polish in
 * the English interface.
 */
class PageNavigationIntegrationTests extends SignedInEditorTest {

    /** Pages of every kind: each must carry the same navigation. */
    private static final List<String> EVERY_KIND = List.of(
            "/",
            "/aktualnosci",
            "/aktualnosci/ekonomia-spoleczna-w-regionach",
            "/regiony",
            "/regiony/malopolskie",
            "/wydarzenia",
            "/patronaty",
            "/logowanie",
            "/nie-ma-takiej-strony");

    long manifest;

    @BeforeEach
    void findTheManifest() {
        manifest = jdbc.sql("select id from content_page where slug = 'manifest'")
                .query(Long.class)
                .single();
    }

    @AfterEach
    void restore() {
        place(manifest, "Manifest", "MAIN", "2");
    }

    @Test
    void thePagesAnEditorPlacesAppearOnEveryPageInTheirOrderAndLeaveWhenRemoved() {
        place(manifest, "Manifest", "", "");
        for (String path : EVERY_KIND) {
            String body = new Http(port).get(path).body();
            assertThat(mainNavigation(body)).as(path).doesNotContain("/strony/manifest");
        }

        place(manifest, "Manifest", "MAIN", "0");
        for (String path : EVERY_KIND) {
            String nav = mainNavigation(new Http(port).get(path).body());
            assertThat(nav).as(path).contains("<a href=\"/strony/manifest\">Manifest</a>");
            // The fixed module links come first, then the pages in the editors' order (0 before 1).
            assertThat(nav.indexOf("href=\"/wydarzenia\"")).as(path).isLessThan(nav.indexOf("/strony/manifest"));
            assertThat(nav.indexOf("/strony/manifest")).as(path).isLessThan(nav.indexOf("/strony/o-programie"));
        }

        String own = new Http(port).get("/strony/manifest").body();
        assertThat(mainNavigation(own))
                .contains("<a href=\"/strony/manifest\" aria-current=\"page\">Manifest</a>")
                .doesNotContain("href=\"/strony/o-programie\" aria-current");
        assertThat(mainNavigation(new Http(port).get("/?lang=en").body()))
                .contains("<a href=\"/aktualnosci\">News</a>")
                .contains("<a href=\"/strony/manifest\" lang=\"pl\">Manifest</a>");

        place(manifest, "Manifest <b>nowy</b>", "FOOTER", "5");
        for (String path : EVERY_KIND) {
            String body = new Http(port).get(path).body();
            assertThat(mainNavigation(body)).as(path).doesNotContain("/strony/manifest");
            String footer = footerNavigation(body);
            assertThat(footer).as(path).contains("<a href=\"/strony/manifest\">Manifest &lt;b&gt;nowy&lt;/b&gt;</a>");
            assertThat(footer.indexOf("href=\"/prywatnosc\""))
                    .as(path)
                    .isLessThan(footer.indexOf("href=\"/deklaracja-dostepnosci\""));
            assertThat(footer.indexOf("href=\"/deklaracja-dostepnosci\""))
                    .as(path)
                    .isLessThan(footer.indexOf("/strony/manifest"));
        }
    }

    @Test
    void aPageWithAnEnglishVersionIsLinkedByItsEnglishTitleInEnglish() {
        String body = jdbc.sql("select body_markdown from content_page where id = :id")
                .param("id", manifest)
                .query(String.class)
                .single();
        editor.get("/redakcja/strony/" + manifest);
        assertThat(editor.post(
                                "/redakcja/strony/" + manifest,
                                "title",
                                "Manifest",
                                "lead",
                                "",
                                "body",
                                body,
                                "titleEn",
                                "Our manifesto",
                                "leadEn",
                                "Why regions matter.",
                                "bodyEn",
                                "## Regions first\n\nA text in English.",
                                "navPlace",
                                "MAIN",
                                "navOrder",
                                "2",
                                "akcja",
                                "zapisz")
                        .statusCode())
                .isEqualTo(302);
        assertThat(mainNavigation(new Http(port).get("/?lang=en").body()))
                .contains("<a href=\"/strony/manifest\">Our manifesto</a>");
        assertThat(mainNavigation(new Http(port).get("/?lang=pl").body()))
                .contains("<a href=\"/strony/manifest\">Manifest</a>");
        String english = new Http(port).get("/strony/manifest?lang=en").body();
        assertThat(english)
                .contains("<h1 id=\"page-title\">Our manifesto</h1>")
                .contains("<h2>Regions first</h2>")
                .contains("<p class=\"lead\">Why regions matter.</p>")
                .contains("<title>Our manifesto · KoordES</title>");
        assertThat(new Http(port).get("/strony/manifest?lang=pl").body())
                .contains("<h1 id=\"page-title\">Manifest</h1>")
                .doesNotContain("Our manifesto</h1>");
    }

    @Test
    void thePrivacyPolicyAndTheAccessibilityDeclarationAreInTheFooterFromTheStart() {
        String body = new Http(port).get("/").body();
        assertThat(footerNavigation(body))
                .contains("<a href=\"/prywatnosc\">Polityka prywatności</a>")
                .contains("<a href=\"/deklaracja-dostepnosci\">Deklaracja dostępności</a>");
        assertThat(footerNavigation(new Http(port).get("/prywatnosc").body()))
                .contains("<a href=\"/prywatnosc\" aria-current=\"page\">Polityka prywatności</a>");
        // In English: both by their English titles (each comes with an English version).
        assertThat(footerNavigation(new Http(port).get("/?lang=en").body()))
                .contains("<a href=\"/prywatnosc\">Privacy policy</a>")
                .contains("<a href=\"/deklaracja-dostepnosci\">Accessibility statement</a>");
    }

    @Test
    void aPlaceNeedsAPositionAndOnlyKnownPlacesAreAccepted() {
        editor.get("/redakcja/strony/" + manifest);
        HttpResponse<String> missing = editor.post(
                "/redakcja/strony/" + manifest,
                "title",
                "Manifest",
                "lead",
                "",
                "body",
                "Treść",
                "navPlace",
                "FOOTER",
                "navOrder",
                "",
                "akcja",
                "zapisz");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body())
                .contains("Podaj pozycję odnośnika")
                .contains("<option value=\"FOOTER\" selected>W stopce</option>");
        HttpResponse<String> unknown = editor.post(
                "/redakcja/strony/" + manifest,
                "title",
                "Manifest",
                "lead",
                "",
                "body",
                "Treść",
                "navPlace",
                "<script>alert(1)</script>",
                "navOrder",
                "1",
                "akcja",
                "zapisz");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("Wybierz, gdzie ma się pojawić odnośnik do strony.")
                .doesNotContain("<script>alert(1)");
        assertThat(jdbc.sql("select nav_place from content_page where id = :id")
                        .param("id", manifest)
                        .query(String.class)
                        .single())
                .isEqualTo("MAIN");
    }

    private void place(long id, String title, String place, String order) {
        String body = jdbc.sql("select body_markdown from content_page where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        editor.get("/redakcja/strony/" + id);
        HttpResponse<String> saved = editor.post(
                "/redakcja/strony/" + id,
                "title",
                title,
                "lead",
                "Dlaczego wierzymy, że ekonomia społeczna jest sprawą regionów.",
                "body",
                body,
                "navPlace",
                place,
                "navOrder",
                order,
                "akcja",
                "zapisz");
        assertThat(saved.statusCode()).isEqualTo(302);
    }

    private static String mainNavigation(String body) {
        int start = body.indexOf("<nav class=\"site-nav\"");
        return body.substring(start, body.indexOf("</nav>", start));
    }

    private static String footerNavigation(String body) {
        int start = body.indexOf("<nav class=\"container footer-nav\"");
        return start < 0 ? "" : body.substring(start, body.indexOf("</nav>", start));
    }
}
