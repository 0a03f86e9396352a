package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.Role;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * The library end to end: an editor adds a document that is found at once, by its new words after an edit and
 * no longer by anonymous visitors once internal, and nowhere after deletion; an edit read before another is a
 * conflict that keeps the text; coordinators add for their own region only; a file is served with safe headers to
 * whoever may open the page and to nobody else (404, never the bytes); what links to a document shows on its
 * page; every change is audited; the person who added it is in their export and forgotten on erasure.
 */
@IntegrationTest
class LibraryIntegrationTests {

    private static final String PREFIX = "Test biblioteki";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    List<PersonalData> sections;

    LibraryTesting testing;

    @BeforeEach
    void setUp() {
        testing = new LibraryTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    private int audits(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :id")
                .param("a", action)
                .param("id", Long.toString(id))
                .query(Integer.class)
                .single();
    }

    @Test
    void aDocumentIsFoundAtOnceByItsNewWordsAndGoneWhenInternalOrDeleted() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.10");
        SignedInClient visitor = testing.anonymous("127.0.44.11");
        String title = PREFIX + " o żurawinie";
        editor.get("/biblioteka/nowy");
        HttpResponse<String> added = editor.post("/biblioteka/nowy", LibraryTesting.fields(title, ""));
        assertThat(added.statusCode()).isEqualTo(302);
        long id = testing.idOf(title);
        assertThat(SignedInClient.location(added)).endsWith("/biblioteka/" + id);
        assertThat(audits("LIBRARY_DOCUMENT_ADDED", id)).isEqualTo(1);
        Set<String> anonymous = SearchAudience.of(null);
        assertThat(LibraryTesting.found(index, "żurawina", anonymous)).containsExactly(title);
        assertThat(visitor.get("/biblioteka/" + id).body())
                .contains(title)
                .contains("<strong>dokumentu</strong>")
                .contains("może go przeczytać każdy");
        assertThat(visitor.get("/biblioteka?q=żurawin").body()).contains(title);

        // Edited: found by its new words, no longer by the old ones.
        String edit = editor.get("/biblioteka/" + id + "/edycja").body();
        String version = LibraryTesting.version(edit);
        String newTitle = PREFIX + " o wiolonczeli";
        assertThat(editor.post("/biblioteka/" + id + "/edycja", LibraryTesting.fields(newTitle, "", "version", version))
                        .statusCode())
                .isEqualTo(302);
        assertThat(LibraryTesting.found(index, "wiolonczela", anonymous)).containsExactly(newTitle);
        assertThat(LibraryTesting.found(index, "żurawina", anonymous)).isEmpty();
        assertThat(audits("LIBRARY_DOCUMENT_UPDATED", id)).isEqualTo(1);

        // The same stale form again: a conflict that keeps what was typed.
        HttpResponse<String> stale = editor.post(
                "/biblioteka/" + id + "/edycja",
                LibraryTesting.fields(PREFIX + " nieaktualny", "", "version", version));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains(PREFIX + " nieaktualny").contains("Ktoś zmienił ten dokument");

        // Made internal: the visitor finds nothing and reaches nothing; the editor still does.
        version = LibraryTesting.version(
                editor.get("/biblioteka/" + id + "/edycja").body());
        assertThat(editor.post(
                                "/biblioteka/" + id + "/edycja",
                                LibraryTesting.fields(newTitle, "", "version", version, "publicDocument", "false"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(LibraryTesting.found(index, "wiolonczela", anonymous)).isEmpty();
        assertThat(visitor.get("/biblioteka/" + id).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/biblioteka?q=wiolonczel").body()).doesNotContain(newTitle);
        assertThat(LibraryTesting.found(index, "wiolonczela", Set.of(SearchAudience.role(Role.EDITOR))))
                .containsExactly(newTitle);
        assertThat(editor.get("/biblioteka/" + id).body())
                .contains("Dokument wewnętrzny.")
                .contains("Mogą go czytać redaktorzy i administratorzy");

        // Deleted: asked first, then gone from the list, the page and search.
        assertThat(editor.post("/biblioteka/" + id + "/usun").statusCode()).isEqualTo(302);
        assertThat(editor.get("/biblioteka/" + id).statusCode()).isEqualTo(200);
        assertThat(editor.get("/biblioteka/" + id + "/usun").body()).contains("Usunąć dokument z biblioteki?");
        assertThat(editor.post("/biblioteka/" + id + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(editor.get("/biblioteka/" + id).statusCode()).isEqualTo(404);
        assertThat(LibraryTesting.found(index, "wiolonczela", Set.of(SearchAudience.role(Role.EDITOR))))
                .isEmpty();
        assertThat(audits("LIBRARY_DOCUMENT_DELETED", id)).isEqualTo(1);
    }

    @Test
    void coordinatorsAddForTheirOwnRegionOnly() {
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.44.20");
        long malopolskie = testing.regionId("malopolskie");
        long slaskie = testing.regionId("slaskie");
        coordinator.get("/biblioteka/nowy");
        HttpResponse<String> other =
                coordinator.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " cudzy", "" + slaskie));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("tylko dla swojego województwa");
        HttpResponse<String> national =
                coordinator.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " krajowy", ""));
        assertThat(national.statusCode()).isEqualTo(422);
        assertThat(coordinator
                        .post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " własny", "" + malopolskie))
                        .statusCode())
                .isEqualTo(302);
        long own = testing.idOf(PREFIX + " własny");
        assertThat(coordinator.get("/biblioteka/" + own + "/edycja").statusCode())
                .isEqualTo(200);

        // The coordinator of śląskie reads the public document but may not edit or delete it.
        SignedInClient otherCoordinator = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.44.21");
        assertThat(otherCoordinator.get("/biblioteka/" + own).statusCode()).isEqualTo(200);
        assertThat(otherCoordinator.get("/biblioteka/" + own + "/edycja").statusCode())
                .isEqualTo(403);
        assertThat(otherCoordinator
                        .post("/biblioteka/" + own + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(403);
        // Without a file and a link there is nothing to keep.
        HttpResponse<String> empty = coordinator.post(
                "/biblioteka/nowy", LibraryTesting.fields(PREFIX + " pusty", "" + malopolskie, "externalUrl", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Dodaj plik albo wpisz odnośnik.");
    }

    @Test
    void aFileIsServedSafelyToWhoeverMayOpenThePageAndToNobodyElse() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.30");
        String token = Multipart.token(editor, "/biblioteka/nowy");
        byte[] text = "Notatka z wizyty.\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = Multipart.upload(
                editor,
                port,
                "/biblioteka/nowy",
                token,
                Map.of(
                        "kind", "REPORT",
                        "title", PREFIX + " z plikiem",
                        "year", "2024",
                        "publicDocument", "true"),
                "plik",
                Multipart.fileName("Notatka łąkowa.txt"),
                "text/plain",
                text);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        long id = testing.idOf(PREFIX + " z plikiem");
        SignedInClient visitor = testing.anonymous("127.0.44.31");
        HttpResponse<byte[]> download = Multipart.download(visitor, port, "/biblioteka/" + id + "/plik");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(text);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename*=UTF-8''Notatka%20%C5%82%C4%85kowa.txt");

        // Made internal: the visitor's download is not there, never the bytes.
        String version = LibraryTesting.version(
                editor.get("/biblioteka/" + id + "/edycja").body());
        token = Multipart.token(editor, "/biblioteka/" + id + "/edycja");
        assertThat(Multipart.upload(
                                editor,
                                port,
                                "/biblioteka/" + id + "/edycja",
                                token,
                                Map.of(
                                        "kind", "REPORT",
                                        "title", PREFIX + " z plikiem",
                                        "year", "2024",
                                        "publicDocument", "false",
                                        "version", version),
                                "plik",
                                "filename=\"\"",
                                "application/octet-stream",
                                new byte[0])
                        .statusCode())
                .isEqualTo(302);
        HttpResponse<byte[]> refused = Multipart.download(visitor, port, "/biblioteka/" + id + "/plik");
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain("Notatka z wizyty");
        SignedInClient participant = testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.44.32");
        assertThat(Multipart.download(participant, port, "/biblioteka/" + id + "/plik")
                        .statusCode())
                .isEqualTo(404);
        assertThat(Multipart.download(editor, port, "/biblioteka/" + id + "/plik")
                        .body())
                .isEqualTo(text);

        // A file the name misrepresents is refused beside the field.
        token = Multipart.token(editor, "/biblioteka/nowy");
        HttpResponse<String> mismatch = Multipart.upload(
                editor,
                port,
                "/biblioteka/nowy",
                token,
                Map.of("kind", "REPORT", "title", PREFIX + " udawany", "year", "2024", "publicDocument", "true"),
                "plik",
                Multipart.fileName("raport.pdf"),
                "application/pdf",
                text);
        assertThat(mismatch.statusCode()).isEqualTo(422);

        // Deleting the document releases its file.
        long stored = jdbc.sql("select stored_file_id from library_document where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        editor.get("/biblioteka/" + id + "/usun");
        editor.post("/biblioteka/" + id + "/usun", "potwierdzenie", "tak");
        assertThat(jdbc.sql("select count(*) from stored_file_chunk where file_id = :f")
                        .param("f", stored)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDocumentsPageShowsWhatLinksToIt() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.40");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " źródło", ""));
        long target = testing.idOf(PREFIX + " źródło");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " odsyłający", "", "related", "" + target));
        editor.get("/biblioteka/nowy");
        editor.post(
                "/biblioteka/nowy",
                LibraryTesting.fields(
                        PREFIX + " wewnętrzny odsyłający", "", "related", "" + target, "publicDocument", "false"));
        SignedInClient visitor = testing.anonymous("127.0.44.41");
        String page = visitor.get("/biblioteka/" + target).body();
        assertThat(page).contains("Odwołują się do niego").contains(PREFIX + " odsyłający");
        // An internal document that links here is not named to those who may not open it.
        assertThat(page).doesNotContain(PREFIX + " wewnętrzny odsyłający");
        assertThat(editor.get("/biblioteka/" + target).body()).contains(PREFIX + " wewnętrzny odsyłający");
        long linking = testing.idOf(PREFIX + " odsyłający");
        assertThat(visitor.get("/biblioteka/" + linking).body())
                .contains("Zobacz też")
                .contains(PREFIX + " źródło");
    }

    @Test
    void anEventsPageShowsThePublicDocumentsThatCameFromIt() {
        long event = jdbc.sql("select min(id) from event where status = 'PUBLISHED'")
                .query(Long.class)
                .single();
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.55");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " ze spotkania", "", "eventId", "" + event));
        editor.get("/biblioteka/nowy");
        editor.post(
                "/biblioteka/nowy",
                LibraryTesting.fields(
                        PREFIX + " wewnętrzny ze spotkania", "", "eventId", "" + event, "publicDocument", "false"));
        SignedInClient visitor = testing.anonymous("127.0.44.56");
        String page = visitor.get("/wydarzenia/" + event).body();
        assertThat(page).contains("W bibliotece").contains(PREFIX + " ze spotkania");
        assertThat(page).doesNotContain(PREFIX + " wewnętrzny ze spotkania");
        long id = testing.idOf(PREFIX + " ze spotkania");
        assertThat(visitor.get("/biblioteka/" + id).body())
                .contains("Skąd pochodzi")
                .contains("/wydarzenia/" + event);
    }

    @Test
    void theExportListsWhatThePersonAddedAndErasureForgetsThemButKeepsTheDocument() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.44.50");
        editor.get("/biblioteka/nowy");
        editor.post("/biblioteka/nowy", LibraryTesting.fields(PREFIX + " dane osobowe", ""));
        long id = testing.idOf(PREFIX + " dane osobowe");
        long account = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.EDITOR)
                .query(Long.class)
                .single();
        PersonalData library = sections.stream()
                .filter(s -> s.section().equals("libraryDocuments"))
                .findFirst()
                .orElseThrow();
        PersonalData.Person person = new PersonalData.Person(account, DemoAccounts.EDITOR, "Redaktor");
        assertThat(library.export(person).toString()).contains(PREFIX + " dane osobowe");
        library.erase(person);
        assertThat(jdbc.sql("select created_by is null from library_document where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(library.export(person).toString()).doesNotContain(PREFIX);
    }
}
