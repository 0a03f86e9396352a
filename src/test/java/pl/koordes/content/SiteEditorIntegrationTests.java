package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.koordes.content.internal.PageNavigation;
import pl.koordes.support.Http;

/** Editors choose the home page's motto and manage patrons and partners; links and logos stay safe. */
class SiteEditorIntegrationTests extends SignedInEditorTest {

    @Autowired
    PageNavigation navigation;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from motto_quote where source like 'test:%'").update();
        jdbc.sql("delete from partner where name like 'test:%'").update();
        jdbc.sql("update motto_quote set featured = (id = (select min(id) from motto_quote)), active = true")
                .update();
    }

    @Test
    void aFeaturedQuoteIsShownOnTheHomePageAndHiddenOnesNever() {
        editor.get("/redakcja/motta");
        assertThat(editor.post(
                                "/redakcja/motta",
                                "text",
                                "Cytat testowy <b>bez</b> znaczników",
                                "source",
                                "test: źródło")
                        .statusCode())
                .isEqualTo(302);
        long id = jdbc.sql("select id from motto_quote where source = 'test: źródło'")
                .query(Long.class)
                .single();
        assertThat(editor.post("/redakcja/motta/" + id + "/wyroznij").statusCode())
                .isEqualTo(302);
        assertThat(new Http(port).get("/").body()).contains("Cytat testowy &lt;b&gt;bez&lt;/b&gt; znaczników");
        assertThat(editor.post("/redakcja/motta/" + id + "/ukryj").statusCode()).isEqualTo(302);
        assertThat(new Http(port).get("/").body()).doesNotContain("Cytat testowy");
        HttpResponse<String> refused = editor.post("/redakcja/motta", "text", "", "source", "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Wpisz cytat.").contains("Wpisz źródło cytatu.");
        assertThat(editor.post("/redakcja/motta/999999/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEditorChangesThePrivacyPolicyAndItsAddressShowsTheNewText() {
        long id = jdbc.sql("select id from content_page where slug = 'prywatnosc'")
                .query(Long.class)
                .single();
        Map<String, Object> original = jdbc.sql("""
                        select title, lead, body_markdown, body_html, title_en, lead_en, body_markdown_en, body_html_en,
                               nav_place, nav_order from content_page where id = :id""").param("id", id).query().singleRow();
        try {
            assertThat(editor.get("/redakcja/strony").body()).contains("href=\"/prywatnosc\"");
            assertThat(editor.get("/redakcja/strony/" + id).body()).contains("[DO UZUPEŁNIENIA");
            HttpResponse<String> saved = editor.post(
                    "/redakcja/strony/" + id,
                    "title",
                    "Polityka prywatności <i>KoordES</i>",
                    "lead",
                    "Nowy wstęp",
                    "body",
                    "## Administrator\n\nFundacja Testowa, ul. Próbna 1.",
                    "titleEn",
                    "Privacy <i>policy</i>",
                    "leadEn",
                    "",
                    "bodyEn",
                    "## Controller\n\nTest Foundation.",
                    "navPlace",
                    "FOOTER",
                    "navOrder",
                    "1",
                    "akcja",
                    "zapisz");
            assertThat(saved.statusCode()).isEqualTo(302);
            String page = new Http(port).get("/prywatnosc").body();
            assertThat(page)
                    .contains("Polityka prywatności &lt;i&gt;KoordES&lt;/i&gt;")
                    .contains("Nowy wstęp")
                    .contains("<h2>Administrator</h2>")
                    .contains("Fundacja Testowa, ul. Próbna 1.")
                    .doesNotContain("DO UZUPEŁNIENIA");
            assertThat(new Http(port).get("/prywatnosc?lang=en").body())
                    .contains("Privacy &lt;i&gt;policy&lt;/i&gt;")
                    .contains("<h2>Controller</h2>")
                    .doesNotContain("TO BE COMPLETED");
            // An English version needs both its title and its text.
            HttpResponse<String> halfEnglish = editor.post(
                    "/redakcja/strony/" + id,
                    "title",
                    "Polityka prywatności",
                    "lead",
                    "",
                    "body",
                    "Treść",
                    "titleEn",
                    "",
                    "leadEn",
                    "Only a lead",
                    "bodyEn",
                    "",
                    "navPlace",
                    "FOOTER",
                    "navOrder",
                    "1",
                    "akcja",
                    "zapisz");
            assertThat(halfEnglish.statusCode()).isEqualTo(422);
            assertThat(halfEnglish.body())
                    .contains("Wpisz tytuł po angielsku albo usuń pozostałe pola wersji angielskiej.")
                    .contains("Only a lead");
        } finally {
            jdbc.sql("""
                            update content_page set title = :title, lead = :lead, body_markdown = :body, body_html = :html,
                                   title_en = :titleEn, lead_en = :leadEn, body_markdown_en = :bodyEn, body_html_en = :htmlEn,
                                   nav_place = :place, nav_order = :nav where id = :id""")
                    .param("title", original.get("title"))
                    .param("lead", original.get("lead"))
                    .param("body", original.get("body_markdown"))
                    .param("html", original.get("body_html"))
                    .param("titleEn", original.get("title_en"))
                    .param("leadEn", original.get("lead_en"))
                    .param("bodyEn", original.get("body_markdown_en"))
                    .param("htmlEn", original.get("body_html_en"))
                    .param("place", original.get("nav_place"))
                    .param("nav", original.get("nav_order"))
                    .param("id", id)
                    .update();
            // Restored behind the application's back: the footer's cached title must follow.
            navigation.pagesChanged();
        }
    }

    @Test
    void partnersGetSafeLinksAndPictureLogosOnly() {
        HttpResponse<String> added = upload(
                "/redakcja/partnerzy",
                Map.of(
                        "kind",
                        "MEDIA_PATRON",
                        "name",
                        "test: Radio Przykładowe",
                        "url",
                        "https://radio.example",
                        "sortOrder",
                        "5"),
                "logo",
                "radio.png",
                "image/png",
                Pictures.of("png", 300, 100));
        assertThat(added.statusCode()).isEqualTo(302);
        String list = new Http(port).get("/patronaty").body();
        assertThat(list).contains("test: Radio Przykładowe").contains("href=\"https://radio.example\"");

        HttpResponse<String> script = upload(
                "/redakcja/partnerzy",
                Map.of("kind", "PARTNER", "name", "test: zły link", "url", "javascript:alert(1)", "sortOrder", ""),
                "logo",
                "",
                "application/octet-stream",
                new byte[0]);
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("Podaj adres strony zaczynający się od https://");

        HttpResponse<String> svg = upload(
                "/redakcja/partnerzy",
                Map.of("kind", "PARTNER", "name", "test: SVG", "url", "", "sortOrder", ""),
                "logo",
                "logo.svg",
                "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).isEqualTo(422);
        assertThat(svg.body()).contains("To nie jest obraz PNG, JPEG ani WebP");
        assertThat(jdbc.sql("select count(*) from partner where name in ('test: zły link', 'test: SVG')")
                        .query(Integer.class)
                        .single())
                .isZero();

        long id = jdbc.sql("select id from partner where name = 'test: Radio Przykładowe'")
                .query(Long.class)
                .single();
        editor.get("/redakcja/partnerzy");
        assertThat(editor.post("/redakcja/partnerzy/" + id + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(new Http(port).get("/patronaty").body()).doesNotContain("test: Radio Przykładowe");
    }
}
