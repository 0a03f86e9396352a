package pl.koordes.content;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.content.internal.KeptArticleList;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * What the content tests that work as an editor share: the running application with the content test
 * extensions, its database, the demo editor signed in afresh before each test, and uploads through the
 * editor's multipart forms. Each subclass cleans up its own rows.
 */
@IntegrationTest
@Import({TestExtensions.class, ContentTestExtensions.class})
abstract class SignedInEditorTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptArticleList articleList;

    SignedInClient editor;

    @BeforeEach
    void signInAsEditor() {
        editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
    }

    /** Uploads a picture with the image library's form, as the editor. */
    HttpResponse<String> uploadImage(Map<String, String> fields, String fileName, String contentType, byte[] data) {
        return upload("/redakcja/obrazy", fields, "plik", fileName, contentType, data);
    }

    /** Sends the multipart form of {@code page} (which posts to itself) with one file, as the editor. */
    HttpResponse<String> upload(
            String page,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String contentType,
            byte[] data) {
        return Multipart.upload(
                editor,
                port,
                page,
                Multipart.token(editor, page),
                fields,
                fileField,
                Multipart.fileName(fileName),
                contentType,
                data);
    }
}
