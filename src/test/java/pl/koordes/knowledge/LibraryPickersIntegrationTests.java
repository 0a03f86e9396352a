package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The library form's pickers: nobody types a number. The form offers public events and postulates by title, the
 * advisory cases the person may open (a region's coordinator: their region's only) and the documents they may
 * open; a case of another region is refused even when its number is sent by hand; and editing a document keeps
 * its links to documents the editor may not open, which the form could not offer.
 */
@IntegrationTest
class LibraryPickersIntegrationTests {

    private static final String PREFIX = "Test wyboru w bibliotece";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LibraryTesting testing;

    @BeforeEach
    void setUp() {
        testing = new LibraryTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    private long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    private List<Long> cases(long region) {
        return jdbc.sql("select id from advisory_request where region_id = :r")
                .param("r", region)
                .query(Long.class)
                .list();
    }

    @Test
    void theFormOffersByTitleOnlyWhatThePersonMayOpen() {
        long malopolskie = region("malopolskie");
        long slaskie = region("slaskie");
        List<Long> own = cases(malopolskie);
        List<Long> others = cases(slaskie);
        assertThat(own).as("demo cases of małopolskie").isNotEmpty();
        assertThat(others).as("demo cases of śląskie").isNotEmpty();
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.50.201");
        String form = coordinator.get("/biblioteka/nowy").body();

        String caseSelect = form.substring(
                form.indexOf("id=\"advisoryCaseId\""),
                form.indexOf("</select>", form.indexOf("id=\"advisoryCaseId\"")));
        for (long id : own) {
            assertThat(caseSelect).contains("value=\"" + id + "\"");
        }
        for (long id : others) {
            assertThat(caseSelect).doesNotContain("value=\"" + id + "\"");
        }

        String event = jdbc.sql(
                        "select title from event where status = 'PUBLISHED' order by starts_at desc, id desc limit 1")
                .query(String.class)
                .single();
        assertThat(form).contains(escape(event));
        // A draft's title, unless a public event has the same one (other tests make several alike).
        jdbc.sql("""
                        select title from event where status = 'DRAFT'
                        except select title from event where status <> 'DRAFT'""")
                .query(String.class)
                .list()
                .forEach(draft -> assertThat(form).doesNotContain(escape(draft)));
        String postulate = jdbc.sql("""
                        select title from postulates_postulate where status not in ('DRAFT', 'MERGED')
                        order by submitted_at desc, id desc limit 1""").query(String.class).single();
        assertThat(form).contains(escape(postulate));

        // Documents: a public one is offered; one only central institutions may open is not.
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.50.202");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " jawny", ""));
        editor.get("/biblioteka/nowy");
        editor.post(
                "/biblioteka/nowy",
                LibraryTesting.fields(
                        PREFIX + " dla ministerstw",
                        "",
                        "publicDocument",
                        "false",
                        "readerRoles",
                        "CENTRAL_INSTITUTION"));
        String again = coordinator.get("/biblioteka/nowy").body();
        assertThat(again)
                .contains("name=\"related\" value=\"" + testing.idOf(PREFIX + " jawny") + "\"")
                .doesNotContain(PREFIX + " dla ministerstw");
    }

    @Test
    void aCaseOfAnotherRegionIsRefusedWhenSentByHand() {
        long malopolskie = region("malopolskie");
        long foreign = cases(malopolskie).getFirst();
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.50.203");
        coordinator.get("/biblioteka/nowy");
        HttpResponse<String> refused = coordinator.post(
                "/biblioteka/nowy",
                LibraryTesting.fields(
                        PREFIX + " cudza sprawa", "" + region("slaskie"), "advisoryCaseId", "" + foreign));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("nie masz do niej wglądu").contains(PREFIX + " cudza sprawa");
        assertThat(jdbc.sql("select count(*) from library_document where title = :t")
                        .param("t", PREFIX + " cudza sprawa")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void editingKeepsLinksToDocumentsTheEditorMayNotOpen() {
        long malopolskie = region("malopolskie");
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.50.204");
        editor.get("/biblioteka/nowy");
        editor.post(
                "/biblioteka/nowy",
                LibraryTesting.fields(
                        PREFIX + " ukryty", "", "publicDocument", "false", "readerRoles", "CENTRAL_INSTITUTION"));
        long hidden = testing.idOf(PREFIX + " ukryty");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " widoczny", ""));
        long visible = testing.idOf(PREFIX + " widoczny");
        editor.get("/biblioteka/nowy");
        // Both ticked: the same name twice, as the browser sends checkboxes (fields() would replace the first).
        List<String> both =
                new java.util.ArrayList<>(List.of(LibraryTesting.fields(PREFIX + " regionu", "" + malopolskie)));
        both.addAll(List.of("related", "" + hidden, "related", "" + visible));
        editor.post("/biblioteka/nowy", both.toArray(String[]::new));
        long document = testing.idOf(PREFIX + " regionu");
        assertThat(links(document)).containsExactlyInAnyOrder(hidden, visible);

        // The coordinator unticks the visible one; the hidden one was never offered and stays.
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.50.205");
        String edit = coordinator.get("/biblioteka/" + document + "/edycja").body();
        assertThat(edit).contains("name=\"related\" value=\"" + visible + "\"").doesNotContain(PREFIX + " ukryty");
        assertThat(coordinator
                        .post(
                                "/biblioteka/" + document + "/edycja",
                                LibraryTesting.fields(
                                        PREFIX + " regionu", "" + malopolskie, "version", LibraryTesting.version(edit)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(links(document)).containsExactly(hidden);
    }

    private List<Long> links(long document) {
        return jdbc.sql("select target_id from library_document_link where document_id = :d")
                .param("d", document)
                .query(Long.class)
                .list();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
