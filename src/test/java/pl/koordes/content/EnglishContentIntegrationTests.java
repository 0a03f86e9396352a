package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pl.koordes.content.internal.PageNavigation;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.SignedInClient;

/**
 * Articles carry an optional English version edited in the same form (kept in every revision) and shown in
 * English mode, the Polish text marked {@code lang="pl"} where there is none; editors create new pages and
 * change partners in place; hostile input in the new forms is refused or shown escaped.
 */
class EnglishContentIntegrationTests extends SignedInEditorTest {

    private static final Pattern ONCE = Pattern.compile("<input type=\"hidden\" name=\"_once\" value=\"([^\"]+)\">");

    @Autowired
    PageNavigation navigation;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name = 'test: english'").update();
        jdbc.sql("delete from content_page where slug like 'test-%'").update();
        jdbc.sql("delete from partner where name like 'test:%'").update();
        navigation.pagesChanged();
    }

    @Test
    void anArticleIsEditedInBothLanguagesAndShownInEnglishModeWithItsRevisions() {
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> saved = editor.post(
                "/redakcja/artykuly/nowy",
                article(
                        "Spółdzielnie w gminach",
                        "Wstęp po polsku",
                        "Treść **po polsku**.",
                        "Cooperatives in <i>municipalities</i>",
                        "An English lead",
                        "Text **in English**."));
        assertThat(saved.statusCode()).isEqualTo(302);
        long id = id();
        String slug = slug(id);

        String polish = new Http(port).get("/aktualnosci/" + slug).body();
        assertThat(polish).contains("Spółdzielnie w gminach").contains("<strong>po polsku</strong>");
        assertThat(polish).doesNotContain("Cooperatives in");
        String english = new Http(port).get("/aktualnosci/" + slug + "?lang=en").body();
        assertThat(english)
                .contains("<h1 id=\"article-title\">Cooperatives in &lt;i&gt;municipalities&lt;/i&gt;</h1>")
                .contains("An English lead")
                .contains("<strong>in English</strong>")
                .doesNotContain("Treść");
        assertThat(new Http(port).get("/aktualnosci?lang=en").body())
                .contains("Cooperatives in &lt;i&gt;municipalities&lt;/i&gt;")
                .contains("An English lead");
        assertThat(new Http(port).get("/aktualnosci").body()).contains("Spółdzielnie w gminach");
        // Feeds stay Polish: there is no English feed.
        assertThat(new Http(port).get("/aktualnosci/rss.xml").body())
                .contains("Spółdzielnie w gminach")
                .doesNotContain("Cooperatives in");

        // The editor shows both languages; a second save keeps both in the new revision.
        assertThat(editor.get("/redakcja/artykuly/" + id).body())
                .contains("value=\"Cooperatives in &lt;i>municipalities&lt;/i>\"")
                .contains("Text **in English**.");
        assertThat(editor.post(
                                "/redakcja/artykuly/" + id,
                                article(
                                        "Spółdzielnie w gminach",
                                        "Wstęp po polsku",
                                        "Treść **po polsku**.",
                                        "Cooperatives in towns",
                                        "",
                                        "Text **in English**, corrected."))
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select title_en from article_revision where article_id = :id order by number")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .containsExactly("Cooperatives in <i>municipalities</i>", "Cooperatives in towns");
        assertThat(editor.get("/redakcja/artykuly/" + id + "/historia?od=1&do=2")
                        .body())
                .contains("Tytuł po angielsku")
                .contains("Cooperatives in towns");
        // Restoring the first revision brings its English version back.
        editor.get("/redakcja/artykuly/" + id + "/historia");
        assertThat(editor.post("/redakcja/artykuly/" + id + "/historia/1/przywroc", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(new Http(port).get("/aktualnosci/" + slug(id) + "?lang=en").body())
                .contains("Cooperatives in &lt;i&gt;municipalities&lt;/i&gt;");
    }

    @Test
    void withoutAnEnglishVersionEnglishModeShowsThePolishTextMarkedAsPolish() {
        editor.get("/redakcja/artykuly/nowy");
        assertThat(editor.post(
                                "/redakcja/artykuly/nowy",
                                article(
                                        "Tylko po polsku",
                                        "Wstęp bez tłumaczenia",
                                        "Treść bez tłumaczenia.",
                                        "",
                                        "",
                                        ""))
                        .statusCode())
                .isEqualTo(302);
        String slug = slug(id());
        String english = new Http(port).get("/aktualnosci/" + slug + "?lang=en").body();
        assertThat(english)
                .contains("<h1 id=\"article-title\" lang=\"pl\">Tylko po polsku</h1>")
                .contains("<p class=\"lead\" lang=\"pl\">Wstęp bez tłumaczenia</p>")
                .contains("<div class=\"article-body\" lang=\"pl\">");
        assertThat(new Http(port).get("/aktualnosci?lang=en").body())
                .contains("<h2 lang=\"pl\"><a href=\"/aktualnosci/" + slug + "\">Tylko po polsku</a></h2>");
        assertThat(new Http(port).get("/aktualnosci/" + slug).body()).doesNotContain("lang=\"pl\">Tylko");
    }

    @Test
    void anEnglishVersionBegunNeedsItsTitleAndItsTextAndNothingTypedIsLost() {
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> half = editor.post(
                "/redakcja/artykuly/nowy",
                article("Połowa tłumaczenia", "Wstęp", "Treść.", "", "Only an English lead", ""));
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(half.body())
                .contains("Wpisz tytuł po angielsku albo usuń pozostałe pola wersji angielskiej.")
                .contains("Only an English lead")
                .contains("Połowa tłumaczenia");
        HttpResponse<String> noText = editor.post(
                "/redakcja/artykuly/nowy", article("Połowa tłumaczenia", "Wstęp", "Treść.", "Half", "", ""));
        assertThat(noText.statusCode()).isEqualTo(422);
        assertThat(noText.body()).contains("Wpisz treść po angielsku albo usuń pozostałe pola wersji angielskiej.");
        HttpResponse<String> preview = editor.post(
                "/redakcja/artykuly/nowy",
                withAction(article("Podgląd", "Wstęp", "Treść.", "Preview", "", "English **preview**."), "podglad"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("<div class=\"preview-box\" lang=\"en\">")
                .contains("<strong>preview</strong>");
        assertThat(jdbc.sql("select count(*) from article where author_name = 'test: english'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void hostileStringsInTheEnglishFieldsAreRefusedOrShownEscaped() {
        editor.get("/redakcja/artykuly/nowy");
        SoftAssertions softly = new SoftAssertions();
        List<String> strings = ContentHostileInputIntegrationTests.naughtyStrings();
        for (int i = 0; i < strings.size(); i += 3) {
            String line = strings.get(i);
            HttpResponse<String> answer = editor.post(
                    "/redakcja/artykuly/nowy",
                    article("Wrogi " + i, "Wstęp", "Treść.", line, line, line + "\n\n[a](" + line + ")"));
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(ContentHostileInputIntegrationTests.injected(answer.body()))
                    .as(line)
                    .isFalse();
        }
        Http visitor = new Http(port);
        for (String slug : jdbc.sql("select slug from article where author_name = 'test: english'")
                .query(String.class)
                .list()) {
            HttpResponse<String> page = visitor.get("/aktualnosci/" + slug + "?lang=en");
            softly.assertThat(page.statusCode()).as(slug).isEqualTo(200);
            softly.assertThat(ContentHostileInputIntegrationTests.injected(page.body()))
                    .as(slug)
                    .isFalse();
        }
        HttpResponse<String> list = visitor.get("/aktualnosci?lang=en");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(ContentHostileInputIntegrationTests.injected(list.body()))
                .isFalse();
        softly.assertAll();
    }

    @Test
    void anEditorCreatesAPageInTheNavigationInBothLanguagesOnceAndItIsAudited() {
        String form = editor.get("/redakcja/strony/nowa").body();
        assertThat(form).contains("Nowa strona").contains("name=\"slug\"");
        String key = once(form);
        String[] fields = page("test-kontakt", "Kontakt", "Napisz do nas.", "Contact", "Write to us.", "MAIN", "9");
        HttpResponse<String> first = editor.post("/redakcja/strony/nowa", with(fields, "_once", key));
        HttpResponse<String> again = editor.post("/redakcja/strony/nowa", with(fields, "_once", key));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(again)).isEqualTo(SignedInClient.location(first));
        assertThat(jdbc.sql("select count(*) from content_page where slug = 'test-kontakt'")
                        .query(Integer.class)
                        .single())
                .as("sent twice with one key, created once")
                .isOne();
        long id = jdbc.sql("select id from content_page where slug = 'test-kontakt'")
                .query(Long.class)
                .single();
        assertThat(SignedInClient.location(first)).isEqualTo("/redakcja/strony/" + id);
        assertThat(editor.get("/redakcja/strony/" + id).body()).contains("Utworzono stronę.");

        String polish = new Http(port).get("/strony/test-kontakt").body();
        assertThat(polish).contains("<h1 id=\"page-title\">Kontakt</h1>").contains("Napisz do nas.");
        assertThat(polish).contains("<a href=\"/strony/test-kontakt\"");
        String english = new Http(port).get("/strony/test-kontakt?lang=en").body();
        assertThat(english).contains("<h1 id=\"page-title\">Contact</h1>").contains("Write to us.");
        assertThat(jdbc.sql("""
                        select actor_label from audit_entry
                        where action = 'SITE_PAGE_CREATED' and target_type = 'page' and target_id = :id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly(DemoAccounts.EDITOR);

        // A page without an English version shows its Polish text in English mode, marked as Polish.
        editor.get("/redakcja/strony/nowa");
        assertThat(editor.post(
                                "/redakcja/strony/nowa",
                                page("test-tylko-po-polsku", "Tylko po polsku", "Treść po polsku.", "", "", "", ""))
                        .statusCode())
                .isEqualTo(302);
        assertThat(new Http(port).get("/strony/test-tylko-po-polsku?lang=en").body())
                .contains("<article class=\"article\" aria-labelledby=\"page-title\" lang=\"pl\">")
                .contains("<h1 id=\"page-title\">Tylko po polsku</h1>")
                .contains("<p class=\"muted\" lang=\"en\">");

        // The address is taken now: a second page there is refused beside the address, as typed.
        editor.get("/redakcja/strony/nowa");
        HttpResponse<String> taken = editor.post(
                "/redakcja/strony/nowa", page("test-kontakt", "Drugi kontakt", "Inna treść.", "", "", "", ""));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Strona o tym adresie już istnieje.").contains("Drugi kontakt");
        assertThat(jdbc.sql("select title from content_page where slug = 'test-kontakt'")
                        .query(String.class)
                        .single())
                .isEqualTo("Kontakt");
    }

    @Test
    void aNewPageNeedsAPlainAddressATitleAndATextAndOnlyEditorsMayCreateOne() {
        editor.get("/redakcja/strony/nowa");
        HttpResponse<String> empty = editor.post("/redakcja/strony/nowa", page("", "", "", "", "", "", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Wpisz adres strony.");
        HttpResponse<String> odd =
                editor.post("/redakcja/strony/nowa", page("Kontakt Łódź", "Kontakt", "Treść", "", "", "MAIN", ""));
        assertThat(odd.statusCode()).isEqualTo(422);
        assertThat(odd.body())
                .contains("Adres może mieć do 100 znaków")
                .contains("Podaj pozycję odnośnika")
                .contains("value=\"Kontakt Łódź\"");
        assertThat(jdbc.sql("select count(*) from content_page where title = 'Kontakt'")
                        .query(Integer.class)
                        .single())
                .isZero();

        SignedInClient participant = new SignedInClient(port, "127.0.0.147");
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        assertThat(participant.get("/redakcja/strony/nowa").statusCode()).isEqualTo(403);
        assertThat(participant
                        .post("/redakcja/strony/nowa", page("test-obcy", "Obcy", "Treść", "", "", "", ""))
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Http(port).get("/redakcja/strony/nowa").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from content_page where slug = 'test-obcy'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theNewPageFormTakesEveryNaughtyString() {
        editor.get("/redakcja/strony/nowa");
        SoftAssertions softly = new SoftAssertions();
        List<String> strings = ContentHostileInputIntegrationTests.naughtyStrings();
        for (int i = 0; i < strings.size(); i++) {
            String line = strings.get(i);
            HttpResponse<String> everywhere =
                    editor.post("/redakcja/strony/nowa", page(line, line, line, line, line, line, line));
            softly.assertThat(everywhere.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(ContentHostileInputIntegrationTests.injected(everywhere.body()))
                    .as(line)
                    .isFalse();
            if (i % 4 == 0) {
                HttpResponse<String> saved = editor.post(
                        "/redakcja/strony/nowa",
                        page("test-wrogi-" + i, line, line + " [a](" + line + ")", line, line, "", ""));
                softly.assertThat(saved.statusCode()).as(line).isIn(302, 422);
            }
        }
        Http visitor = new Http(port);
        for (String slug : jdbc.sql("select slug from content_page where slug like 'test-wrogi-%'")
                .query(String.class)
                .list()) {
            for (String path : List.of("/strony/" + slug, "/strony/" + slug + "?lang=en")) {
                HttpResponse<String> shown = visitor.get(path);
                softly.assertThat(shown.statusCode()).as(path).isEqualTo(200);
                softly.assertThat(ContentHostileInputIntegrationTests.injected(shown.body()))
                        .as(path)
                        .isFalse();
            }
        }
        softly.assertThat(jdbc.sql("select count(*) from content_page where slug like 'test-wrogi-%'")
                        .query(Integer.class)
                        .single())
                .as("most pages with a plain address were saved")
                .isGreaterThan(strings.size() / 8);
        HttpResponse<String> list = editor.get("/redakcja/strony");
        softly.assertThat(ContentHostileInputIntegrationTests.injected(list.body()))
                .isFalse();
        softly.assertAll();
    }

    @Test
    void anEditorChangesAPartnersNameLinkAndLogoInPlace() {
        assertThat(upload(
                                "/redakcja/partnerzy",
                                Map.of(
                                        "kind",
                                        "PARTNER",
                                        "name",
                                        "test: Fundacja Stara",
                                        "url",
                                        "https://stara.example",
                                        "sortOrder",
                                        "7"),
                                "logo",
                                "stara.png",
                                "image/png",
                                Pictures.of("png", 300, 100))
                        .statusCode())
                .isEqualTo(302);
        long id = jdbc.sql("select id from partner where name = 'test: Fundacja Stara'")
                .query(Long.class)
                .single();
        Long logo = jdbc.sql("select logo_id from partner where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(editor.get("/redakcja/partnerzy").body()).contains("href=\"/redakcja/partnerzy/" + id + "\"");
        String form = editor.get("/redakcja/partnerzy/" + id).body();
        assertThat(form).contains("value=\"test: Fundacja Stara\"").contains("src=\"/media/" + logo + "\"");

        HttpResponse<String> bad = upload(
                "/redakcja/partnerzy/" + id,
                Map.of("kind", "PARTNER", "name", "", "url", "javascript:alert(1)", "sortOrder", "7"),
                "logo",
                "",
                "application/octet-stream",
                new byte[0]);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Wpisz nazwę.").contains("Podaj adres strony zaczynający się od https://");

        HttpResponse<String> renamed = upload(
                "/redakcja/partnerzy/" + id,
                Map.of(
                        "kind",
                        "FUNDER",
                        "name",
                        "test: Fundacja Nowa",
                        "url",
                        "https://nowa.example",
                        "sortOrder",
                        "3"),
                "logo",
                "",
                "application/octet-stream",
                new byte[0]);
        assertThat(renamed.statusCode()).isEqualTo(302);
        String shown = new Http(port).get("/patronaty").body();
        assertThat(shown)
                .contains("test: Fundacja Nowa")
                .contains("href=\"https://nowa.example\"")
                .doesNotContain("test: Fundacja Stara");
        assertThat(jdbc.sql("select logo_id from partner where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .as("no new file keeps the logo")
                .isEqualTo(logo);

        HttpResponse<String> newLogo = upload(
                "/redakcja/partnerzy/" + id,
                Map.of("kind", "FUNDER", "name", "test: Fundacja Nowa", "url", "", "sortOrder", "3"),
                "logo",
                "nowa.png",
                "image/png",
                Pictures.of("png", 200, 100));
        assertThat(newLogo.statusCode()).isEqualTo(302);
        Long replaced = jdbc.sql("select logo_id from partner where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(replaced).isNotNull().isNotEqualTo(logo);

        HttpResponse<String> removed = upload(
                "/redakcja/partnerzy/" + id,
                Map.of(
                        "kind",
                        "FUNDER",
                        "name",
                        "test: Fundacja Nowa",
                        "url",
                        "",
                        "sortOrder",
                        "3",
                        "removeLogo",
                        "true"),
                "logo",
                "",
                "application/octet-stream",
                new byte[0]);
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select logo_id is null from partner where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(editor.get("/redakcja/partnerzy/999999999").statusCode()).isEqualTo(404);
    }

    private long id() {
        return jdbc.sql("select max(id) from article where author_name = 'test: english'")
                .query(Long.class)
                .single();
    }

    private String slug(long id) {
        return jdbc.sql("select slug from article where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private static String[] article(
            String title, String lead, String body, String titleEn, String leadEn, String bodyEn) {
        return new String[] {
            "akcja",
            "zapisz",
            "title",
            title,
            "lead",
            lead,
            "body",
            body,
            "titleEn",
            titleEn,
            "leadEn",
            leadEn,
            "bodyEn",
            bodyEn,
            "tags",
            "",
            "authorName",
            "test: english",
            "status",
            "PUBLISHED",
            "publishedAt",
            "",
            "imageId",
            ""
        };
    }

    private static String[] page(
            String slug, String title, String body, String titleEn, String bodyEn, String navPlace, String navOrder) {
        return new String[] {
            "akcja", "zapisz",
            "slug", slug,
            "title", title,
            "lead", "",
            "body", body,
            "titleEn", titleEn,
            "leadEn", "",
            "bodyEn", bodyEn,
            "navPlace", navPlace,
            "navOrder", navOrder
        };
    }

    private static String[] withAction(String[] fields, String action) {
        String[] changed = fields.clone();
        changed[1] = action;
        return changed;
    }

    private static String[] with(String[] fields, String name, String value) {
        String[] more = Arrays.copyOf(fields, fields.length + 2);
        more[fields.length] = name;
        more[fields.length + 1] = value;
        return more;
    }

    private static String once(String html) {
        Matcher matcher = ONCE.matcher(html);
        assertThat(matcher.find()).as("the form carries a once-only key").isTrue();
        return matcher.group(1);
    }
}
