package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.koordes.support.Http;
import pl.koordes.support.NaughtyStrings;

/**
 * The Big List of Naughty Strings and script payloads in every field of the article editor, the page
 * editor and the image upload (alternative text and file name): never a server error, a refusal says
 * why in Polish, and whatever is stored comes back escaped on the public pages.
 */
class ContentHostileInputIntegrationTests extends SignedInEditorTest {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "javascript:alert(1)",
            "[x](javascript:alert(1))",
            "![x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "'; DROP TABLE article; --",
            "\u0000",
            "%00",
            "${7*7}",
            "\u202Etest");
    /** A start tag with its attributes; a quoted value may hold "&gt;" unescaped (jte leaves it, as HTML allows). */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z](?:[^>\"]|\"[^\"]*\")*>");
    /** Attribute values as jte writes them: double-quoted, with any quote inside escaped. */
    private static final Pattern QUOTED = Pattern.compile("=\"[^\"]*\"");

    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile(
            "\\s(href|src|action|formaction)=\"\\s*(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name like 'naughty%' or lead like 'naughty%'")
                .update();
        // Deleted past the write paths, which would have told the editors' list kept in memory.
        articleList.forget();
        jdbc.sql("delete from content_image where uploaded_by = 'Roman Redakcyjny' and original_name like 'naughty%'")
                .update();
    }

    @Test
    void everyArticleFieldTakesEveryNaughtyStringWithoutAServerErrorAndShowsItEscaped() {
        editor.get("/redakcja/artykuly/nowy");
        SoftAssertions softly = new SoftAssertions();
        List<String> strings = naughtyStrings();
        for (int i = 0; i < strings.size(); i++) {
            String line = strings.get(i);
            HttpResponse<String> everywhere = editor.post(
                    "/redakcja/artykuly/nowy",
                    "akcja",
                    "zapisz",
                    "title",
                    line,
                    "lead",
                    line,
                    "body",
                    line,
                    "tags",
                    line,
                    "authorName",
                    line,
                    "status",
                    line,
                    "publishedAt",
                    line,
                    "imageId",
                    line);
            softly.assertThat(everywhere.statusCode())
                    .as("every field: %s", line)
                    .isIn(302, 422);
            softly.assertThat(injected(body(everywhere)))
                    .as("every field: %s", line)
                    .isFalse();

            HttpResponse<String> preview = editor.post(
                    "/redakcja/artykuly/nowy",
                    "akcja",
                    "podglad",
                    "title",
                    line,
                    "lead",
                    line,
                    "body",
                    line,
                    "tags",
                    line,
                    "authorName",
                    line,
                    "status",
                    "DRAFT",
                    "publishedAt",
                    "",
                    "imageId",
                    "");
            softly.assertThat(preview.statusCode()).as("preview: %s", line).isEqualTo(200);
            softly.assertThat(injected(body(preview))).as("preview: %s", line).isFalse();

            // Valid around the naughty string, so that it is saved and shown publicly.
            HttpResponse<String> saved = editor.post(
                    "/redakcja/artykuly/nowy",
                    "akcja",
                    "zapisz",
                    "title",
                    "Naughty " + i + " " + line,
                    "lead",
                    "naughty " + line,
                    "body",
                    line + "\n\n[link](" + line + ")",
                    "tags",
                    line,
                    "authorName",
                    "naughty " + line,
                    "status",
                    "PUBLISHED",
                    "publishedAt",
                    "",
                    "imageId",
                    "");
            softly.assertThat(saved.statusCode()).as("saved: %s", line).isIn(302, 422);
            if (saved.statusCode() == 422) {
                softly.assertThat(saved.body()).as("refusal of %s", line).contains("Popraw błędy w formularzu");
            }
        }
        List<String> slugs = jdbc.sql("select slug from article where lead like 'naughty%'")
                .query(String.class)
                .list();
        softly.assertThat(slugs.size()).as("most naughty articles were saved").isGreaterThan(strings.size() / 2);
        Http visitor = new Http(port);
        for (String slug : slugs) {
            HttpResponse<String> page = visitor.get("/aktualnosci/" + slug);
            softly.assertThat(page.statusCode()).as(slug).isEqualTo(200);
            softly.assertThat(injected(page.body())).as(slug).isFalse();
        }
        for (String path : List.of(
                "/aktualnosci",
                "/aktualnosci?strona=2",
                "/",
                "/aktualnosci/rss.xml",
                "/aktualnosci/atom.xml",
                "/sitemap.xml",
                "/redakcja")) {
            HttpResponse<String> page = path.equals("/redakcja") ? editor.get(path) : visitor.get(path);
            softly.assertThat(page.statusCode()).as(path).isEqualTo(200);
            softly.assertThat(injected(page.body())).as(path).isFalse();
        }
        long one = jdbc.sql("select min(id) from article where lead like 'naughty%'")
                .query(Long.class)
                .single();
        HttpResponse<String> history = editor.get("/redakcja/artykuly/" + one + "/historia?od=1&do=1");
        softly.assertThat(history.statusCode()).isEqualTo(200);
        softly.assertAll();
    }

    @Test
    void theCheckFindsInjectedElementsButNotEscapedText() {
        assertThat(injected("<p><img src=x onerror=alert(1)></p>")).isTrue();
        assertThat(injected("<a href=\"javascript:alert(1)\">x</a>")).isTrue();
        assertThat(injected("<u oncopy=alert()>x</u>")).isTrue();
        assertThat(injected("<script>alert(1)</script>")).isTrue();
        assertThat(injected("<p>&lt;img src=x onerror=alert(1)&gt;</p>")).isFalse();
        assertThat(injected("<input value=\"&lt;u oncopy=alert()&gt; onerror=alert(1)\">"))
                .isFalse();
        assertThat(injected("<input value=\"&lt;img src=x onerror=alert(2) /> x\" id=\"a\">"))
                .isFalse();
    }

    @Test
    void addressesAndParametersNeverFail() {
        SoftAssertions softly = new SoftAssertions();
        Http visitor = new Http(port);
        for (String line : naughtyStrings()) {
            String value = URLEncoder.encode(line, StandardCharsets.UTF_8);
            for (String path : List.of(
                    "/aktualnosci?tag=" + value + "&strona=" + value,
                    "/aktualnosci/" + value.replace("+", "%20"),
                    "/strony/" + value.replace("+", "%20"),
                    "/media/" + value.replace("+", "%20"))) {
                softly.assertThat(visitor.get(path).statusCode()).as(path).isLessThan(500);
            }
            for (String path : List.of(
                    "/redakcja?strona=" + value, "/redakcja/artykuly/1/historia?od=" + value + "&do=" + value)) {
                softly.assertThat(editor.get(path).statusCode()).as(path).isLessThan(500);
            }
        }
        softly.assertAll();
    }

    @Test
    void pagesTakeEveryNaughtyString() {
        long page = jdbc.sql("select id from content_page where slug = 'manifest'")
                .query(Long.class)
                .single();
        Map<String, Object> original = jdbc.sql(
                        "select body_markdown, title_en, lead_en, body_markdown_en from content_page where id = :id")
                .param("id", page)
                .query()
                .singleRow();
        editor.get("/redakcja/strony/" + page);
        SoftAssertions softly = new SoftAssertions();
        try {
            for (String line : naughtyStrings()) {
                HttpResponse<String> answer = editor.post(
                        "/redakcja/strony/" + page,
                        "akcja",
                        "zapisz",
                        "title",
                        line,
                        "lead",
                        line,
                        "body",
                        line,
                        "titleEn",
                        line,
                        "leadEn",
                        line,
                        "bodyEn",
                        line,
                        "navPlace",
                        line,
                        "navOrder",
                        line);
                softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
                HttpResponse<String> saved = editor.post(
                        "/redakcja/strony/" + page,
                        "akcja",
                        "zapisz",
                        "title",
                        line,
                        "lead",
                        "",
                        "body",
                        line + " [a](" + line + ")",
                        "titleEn",
                        line,
                        "leadEn",
                        line,
                        "bodyEn",
                        line + " [a](" + line + ")",
                        "navPlace",
                        "MAIN",
                        "navOrder",
                        "2");
                softly.assertThat(saved.statusCode()).as(line).isIn(302, 422);
                HttpResponse<String> shown = new Http(port).get("/strony/manifest");
                softly.assertThat(shown.statusCode()).as(line).isEqualTo(200);
                softly.assertThat(injected(shown.body())).as(line).isFalse();
                // The title is also the page's link in every page's navigation.
                softly.assertThat(injected(new Http(port).get("/aktualnosci").body()))
                        .as(line)
                        .isFalse();
                softly.assertThat(injected(
                                new Http(port).get("/strony/manifest?lang=en").body()))
                        .as(line)
                        .isFalse();
            }
        } finally {
            editor.post(
                    "/redakcja/strony/" + page,
                    "akcja",
                    "zapisz",
                    "title",
                    "Manifest",
                    "lead",
                    "Dlaczego wierzymy, że ekonomia społeczna jest sprawą regionów.",
                    "body",
                    (String) original.get("body_markdown"),
                    "titleEn",
                    (String) original.get("title_en"),
                    "leadEn",
                    (String) original.get("lead_en"),
                    "bodyEn",
                    (String) original.get("body_markdown_en"),
                    "navPlace",
                    "MAIN",
                    "navOrder",
                    "2");
        }
        softly.assertAll();
    }

    @Test
    void imageDescriptionsAndFileNamesTakeScriptPayloads() {
        byte[] png = Pictures.of("png", 20, 10);
        SoftAssertions softly = new SoftAssertions();
        List<String> strings = new ArrayList<>(PAYLOADS);
        strings.addAll(naughtyStrings().subList(0, 60));
        for (String line : strings) {
            HttpResponse<String> answer = uploadImage(Map.of("alt", line), "naughty" + line + ".png", "image/png", png);
            // 400: a file name no browser sends (with NUL) is refused before the form is read.
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 400, 422);
            softly.assertThat(injected(body(answer))).as(line).isFalse();
        }
        HttpResponse<String> list = editor.get("/redakcja/obrazy");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(injected(list.body())).isFalse();
        softly.assertAll();
    }

    /** The page without the editor's own Markdown echo in form fields, which is escaped text by construction. */
    private static String body(HttpResponse<String> response) {
        return response.body();
    }

    static List<String> naughtyStrings() {
        return NaughtyStrings.corpusAnd(PAYLOADS);
    }

    /**
     * Whether the page carries an element it did not write itself: a script running alert, or any tag with
     * an event handler or a script address. Escaped text (even text saying "onerror=alert") does not count.
     */
    static boolean injected(String html) {
        if (html.contains("<script>alert")
                || html.contains("<script>")
                        && html.contains("alert(")
                        && Pattern.compile("<script[^>]*>[^<]*alert\\(")
                                .matcher(html)
                                .find()) {
            return true;
        }
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            if (SCRIPT_URL.matcher(tag).find()
                    || EVENT_HANDLER
                            .matcher(QUOTED.matcher(tag).replaceAll("=\"\""))
                            .find()) {
                return true;
            }
        }
        return false;
    }
}
