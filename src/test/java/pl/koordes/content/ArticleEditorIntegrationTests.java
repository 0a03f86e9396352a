package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.SignedInClient;

/** Editors write, preview, save, compare and restore articles, and upload pictures; nobody else may. */
class ArticleEditorIntegrationTests extends SignedInEditorTest {

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name like 'Autor testowy%'").update();
        // Deleted past the write paths, which would have told the editors' list kept in memory.
        articleList.forget();
        jdbc.sql(
                        "delete from content_image where alt like 'test:%' and id not in (select image_id from article where image_id is not null)")
                .update();
    }

    @Test
    void onlyEditorsAndAdministratorsReachTheEditor() {
        HttpResponse<String> anonymous = new Http(port).get("/redakcja");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/logowanie");
        SignedInClient participant = new SignedInClient(port);
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        assertThat(participant.get("/redakcja").statusCode()).isEqualTo(403);
        assertThat(participant.get("/redakcja/artykuly/nowy").statusCode()).isEqualTo(403);
        assertThat(participant.get("/redakcja/obrazy").statusCode()).isEqualTo(403);

        String list = editor.get("/redakcja").body();
        assertThat(list)
                .contains("Szkic: plan spotkań na przyszły rok")
                .contains("Szkic")
                .contains("Zapowiedź: ogólnopolskie spotkanie koordynatorów")
                .contains("Zaplanowany");
    }

    @Test
    void thePreviewRendersWithoutSavingAndARefusedFormKeepsWhatWasTyped() {
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> preview = editor.post(
                "/redakcja/artykuly/nowy",
                "akcja",
                "podglad",
                "title",
                "Próba",
                "lead",
                "",
                "body",
                "## Śródtytuł\n\n[zły](javascript:alert(1)) <script>alert(1)</script>",
                "tags",
                "",
                "authorName",
                "Autor testowy",
                "status",
                "DRAFT",
                "publishedAt",
                "",
                "imageId",
                "");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("<h2>Śródtytuł</h2>")
                .doesNotContain("<script>alert(1)")
                .doesNotContain("href=\"javascript:");
        assertThat(count("Autor testowy")).isZero();

        HttpResponse<String> refused = editor.post(
                "/redakcja/artykuly/nowy",
                "akcja",
                "zapisz",
                "title",
                "",
                "lead",
                "Wstęp zachowany",
                "body",
                "Treść zachowana",
                "tags",
                "",
                "authorName",
                "Autor testowy",
                "status",
                "PUBLISHED",
                "publishedAt",
                "31.08.2017",
                "imageId",
                "");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Popraw błędy w formularzu")
                .contains("Wpisz tytuł.")
                .contains("Podaj datę i godzinę publikacji")
                .contains("Wstęp zachowany")
                .contains("Treść zachowana");
        assertThat(count("Autor testowy")).isZero();
    }

    @Test
    void savingKeepsRevisionsThatCanBeComparedAndRestored() {
        // The list is kept in memory from here on: every save below must show in it at once.
        assertThat(editor.get("/redakcja").statusCode()).isEqualTo(200);
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> created = editor.post(
                "/redakcja/artykuly/nowy",
                "akcja",
                "zapisz",
                "title",
                "Ekonomia społeczna w regionach",
                "lead",
                "Pierwszy wstęp",
                "body",
                "Akapit pierwszy.\n\nAkapit drugi.",
                "tags",
                "próba, Regiony",
                "authorName",
                "Autor testowy",
                "status",
                "PUBLISHED",
                "publishedAt",
                "2017-08-31T10:00",
                "imageId",
                "");
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = SignedInClient.location(created);
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        assertThat(slug(id)).isEqualTo("ekonomia-spoleczna-w-regionach-2");
        assertThat(editor.get(edit).body()).contains("Zapisano artykuł.").contains("1 wersja");
        assertThat(listRow(id)).contains("Ekonomia społeczna w regionach").contains("1 wersja");

        HttpResponse<String> saved = editor.post(
                edit,
                "akcja",
                "zapisz",
                "title",
                "Ekonomia społeczna w regionach",
                "lead",
                "Drugi wstęp",
                "body",
                "Akapit pierwszy.\n\nAkapit zmieniony.",
                "tags",
                "próba",
                "authorName",
                "Autor testowy",
                "status",
                "PUBLISHED",
                "publishedAt",
                "2017-08-31T10:00",
                "imageId",
                "");
        assertThat(saved.statusCode()).isEqualTo(302);
        String page = new Http(port).get("/aktualnosci/" + slug(id)).body();
        assertThat(page)
                .contains("Opublikowano 31.08.2017")
                .contains("Aktualizacja: ")
                .contains("Akapit zmieniony.");

        String history = editor.get(edit + "/historia").body();
        assertThat(history)
                .contains("Roman Redakcyjny")
                .contains("<th scope=\"row\">2</th>")
                .doesNotContain("Różnice między");
        assertThat(editor.get(edit).body()).contains("2 wersje");
        assertThat(listRow(id)).contains("2 wersje");
        String diff = editor.get(edit + "/historia?od=1&do=2").body();
        assertThat(diff)
                .contains("Różnice między wersją 1 a 2")
                .contains(
                        "<del class=\"diff-line removed\"><span class=\"visually-hidden\">usunięto:</span>Akapit drugi.</del>")
                .contains(
                        "<ins class=\"diff-line added\"><span class=\"visually-hidden\">dodano:</span>Akapit zmieniony.</ins>")
                .contains("Pierwszy wstęp")
                .contains("Drugi wstęp");
        assertThat(editor.get(edit + "/historia?od=1&do=99").statusCode()).isEqualTo(404);
        assertThat(editor.get(edit + "/historia?od=x&do=2").statusCode()).isEqualTo(404);

        HttpResponse<String> restored = editor.post(edit + "/historia/1/przywroc", "potwierdzenie", "tak");
        assertThat(restored.statusCode()).isEqualTo(302);
        assertThat(new Http(port).get("/aktualnosci/" + slug(id)).body())
                .contains("Akapit drugi.")
                .doesNotContain("Akapit zmieniony.");
        assertThat(editor.get(edit).body()).contains("3 wersje");
        assertThat(listRow(id)).contains("3 wersje");
        assertThat(editor.post(edit + "/historia/77/przywroc", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(404);

        String address = "/aktualnosci/" + slug(id);
        assertThat(editor.post(edit + "/usun", "potwierdzenie", "tak").statusCode())
                .isEqualTo(302);
        assertThat(new Http(port).get(address).statusCode()).isEqualTo(404);
        assertThat(editor.get("/redakcja").body()).doesNotContain("href=\"/redakcja/artykuly/" + id + "\"");
    }

    /** The article's row in the editors' list (its first page: the newest change comes first). */
    private String listRow(long id) {
        String list = editor.get("/redakcja").body();
        int start = list.indexOf("href=\"/redakcja/artykuly/" + id + "\"");
        assertThat(start).as("article " + id + " in the list").isNotNegative();
        return list.substring(start, list.indexOf("</tr>", start));
    }

    @Test
    void aScheduledArticleStaysHiddenUntilItsTime() {
        editor.get("/redakcja/artykuly/nowy");
        HttpResponse<String> created = editor.post(
                "/redakcja/artykuly/nowy",
                "akcja",
                "zapisz",
                "title",
                "Jutrzejszy tekst",
                "lead",
                "Wstęp",
                "body",
                "Treść",
                "tags",
                "",
                "authorName",
                "Autor testowy",
                "status",
                "PUBLISHED",
                "publishedAt",
                "2099-01-01T10:00",
                "imageId",
                "");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(new Http(port).get("/aktualnosci/jutrzejszy-tekst").statusCode())
                .isEqualTo(404);
        assertThat(editor.get(SignedInClient.location(created)).body()).contains("Zaplanowany");
    }

    @Test
    void picturesAreCheckedByContentScaledDownAndServedWithLongCaching() throws IOException {
        HttpResponse<String> uploaded = uploadImage(
                Map.of("alt", "test: niebieskie koło"), "zdjecie.gif", "image/gif", Pictures.of("png", 2400, 800));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from content_image where alt = 'test: niebieskie koło'")
                .query(Long.class)
                .single();
        HttpResponse<byte[]> served = new Http(port).getBytes("/media/" + id);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=31536000")
                .contains("public");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(editor.get("/redakcja/obrazy").body()).contains("![test: niebieskie koło](/media/" + id + ")");

        HttpResponse<String> jpeg =
                uploadImage(Map.of("alt", "test: jpeg"), "foto.png", "image/png", Pictures.of("jpeg", 300, 200));
        assertThat(jpeg.statusCode()).isEqualTo(302);
        long jpegId = jdbc.sql("select max(id) from content_image where alt = 'test: jpeg'")
                .query(Long.class)
                .single();
        assertThat(new Http(port).getBytes("/media/" + jpegId).headers().firstValue("Content-Type"))
                .contains("image/jpeg");
    }

    @Test
    void whatIsNotAPictureOrHasNoDescriptionIsRefusedWithAReason() {
        assertRefused(
                Map.of("alt", "test: tekst"),
                "obraz.png",
                "This is text, not a picture".getBytes(StandardCharsets.UTF_8),
                "To nie jest obraz PNG, JPEG ani WebP");
        assertRefused(
                Map.of("alt", "test: svg"),
                "logo.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>".getBytes(StandardCharsets.UTF_8),
                "To nie jest obraz PNG, JPEG ani WebP");
        byte[] truncated = Arrays.copyOf(Pictures.of("png", 200, 200), 60);
        assertRefused(Map.of("alt", "test: ucięty"), "ucięty.png", truncated, "Nie udało się odczytać obrazu");
        assertRefused(Map.of("alt", "  "), "obraz.png", Pictures.of("png", 10, 10), "Wpisz tekst alternatywny obrazu.");
        assertRefused(Map.of("alt", "test: pusty"), "pusty.png", new byte[0], "Wybierz plik obrazu.");
        assertThat(new Http(port).get("/media/999999999").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/media/abc").statusCode()).isEqualTo(404);
    }

    private void assertRefused(Map<String, String> fields, String name, byte[] data, String message) {
        HttpResponse<String> answer = uploadImage(fields, name, "image/png", data);
        assertThat(answer.statusCode()).as(name).isEqualTo(422);
        assertThat(answer.body()).as(name).contains(message).contains("Popraw błędy w formularzu");
    }

    private String slug(long id) {
        return jdbc.sql("select slug from article where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private int count(String author) {
        return jdbc.sql("select count(*) from article where author_name = :a")
                .param("a", author)
                .query(Integer.class)
                .single();
    }
}
