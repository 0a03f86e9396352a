package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.support.SignedInClient.location;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * An editor's work on the site's content, done through the editors' pages, appears in the audit log
 * as the administrator reads it: who, what, what it was called and which fields changed, in words.
 */
@IntegrationTest
class ContentAuditIntegrationTests {

    private static final String AUTHOR = "Autor audytu treści";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from article where author_name = :a")
                .param("a", AUTHOR)
                .update();
        jdbc.sql("delete from motto_quote where source = :a").param("a", AUTHOR).update();
    }

    @Test
    void anArticleCreatedChangedAndDeletedLeavesThreeLinesSayingWhatChanged() {
        SignedInClient editor = new SignedInClient(port, "127.0.0.101");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String marker = Long.toString(System.nanoTime());
        String first = "Audyt pierwszy " + marker;
        String second = "Audyt drugi " + marker;

        HttpResponse<String> created =
                editor.submit("/redakcja/artykuly/nowy", "/redakcja/artykuly/nowy", article(first, "Wstęp"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String address = location(created);
        long id = Long.parseLong(address.substring(address.lastIndexOf('/') + 1));
        assertThat(editor.submit(address, address, article(second, "Nowy wstęp"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.submit(address, address + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);

        SignedInClient admin = administrator();
        String log = admin.get("/admin/dziennik?akcja=ARTICLE_UPDATED").body();
        assertThat(log)
                .contains(
                        "Aktualności: zmiana artykułu „" + second + "”: tytuł („" + first + "” → „" + second + "”), ",
                        "wstęp („Wstęp” → „Nowy wstęp”)",
                        "adres („audyt-pierwszy-")
                .contains("Zapisane wartości")
                .doesNotContain("<td>ARTICLE_UPDATED</td>");
        assertThat(admin.get("/admin/dziennik?akcja=ARTICLE_CREATED").body())
                .contains("Aktualności: nowy artykuł „" + first + "”");
        assertThat(admin.get("/admin/dziennik?akcja=ARTICLE_DELETED").body())
                .contains("Aktualności: usunięcie artykułu „" + second + "”", "artykuł " + id);
        assertThat(admin.get("/admin/dziennik?akcja=ARTICLE_UPDATED&lang=en").body())
                .contains("News: article changed “" + second + "”: title (“" + first + "” → “" + second + "”)");
        admin.get("/admin/dziennik?lang=pl");
        assertThat(jdbc.sql("""
                        select actor_label from audit_entry
                        where target_type = 'article' and target_id = :id order by id""")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .as("each line names the editor")
                .containsExactly(DemoAccounts.EDITOR, DemoAccounts.EDITOR, DemoAccounts.EDITOR);
    }

    @Test
    void aQuoteAddedHiddenAndDeletedIsAudited() {
        SignedInClient editor = new SignedInClient(port, "127.0.0.102");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String text = "Motto z audytu " + System.nanoTime();

        assertThat(editor.submit("/redakcja/motta", "/redakcja/motta", "text", text, "source", AUTHOR)
                        .statusCode())
                .isEqualTo(302);
        long id = jdbc.sql("select id from motto_quote where text = :t")
                .param("t", text)
                .query(Long.class)
                .single();
        assertThat(editor.submit("/redakcja/motta", "/redakcja/motta/" + id + "/ukryj")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.submit("/redakcja/motta", "/redakcja/motta/" + id + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);

        assertThat(jdbc.sql(
                                "select action from audit_entry where target_type = 'quote' and target_id = :id order by id")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly("QUOTE_CREATED", "QUOTE_HIDDEN", "QUOTE_DELETED");
        assertThat(administrator().get("/admin/dziennik?akcja=QUOTE_HIDDEN").body())
                .contains("Motta: ukrycie motta „" + text + "”: widoczność (tak → nie)");
    }

    private String[] article(String title, String lead) {
        return new String[] {
            "title",
            title,
            "lead",
            lead,
            "body",
            "Treść artykułu do audytu.",
            "tags",
            "",
            "authorName",
            AUTHOR,
            "status",
            "DRAFT",
            "publishedAt",
            "",
            "imageId",
            ""
        };
    }

    /** The demo administrator, signed in once for this class (each TOTP code works once). */
    private SignedInClient administrator() {
        synchronized (ContentAuditIntegrationTests.class) {
            if (admin == null || admin.get("/admin").statusCode() != 200) {
                admin = new SignedInClient(port, "127.0.0.103");
                admin.signInFully(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
            }
            return admin;
        }
    }

    private static SignedInClient admin;
}
