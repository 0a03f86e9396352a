package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The library's list and a document's page run the same statements with 1 and with 40 documents (each with tags,
 * an institution and a file, linking to the document shown and linked from it), for a visitor and an editor.
 */
@IntegrationTest
@Import(TestExtensions.class)
class LibraryQueryCountIntegrationTests {

    private static final String PREFIX = "Liczony dokument";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

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

    @Test
    void theListAndThePageDoNotGrowWithWhatTheyShow() {
        long target = add(0);
        String list = "/biblioteka?q=" + URLEncoder.encode(PREFIX, StandardCharsets.UTF_8);
        String page = "/biblioteka/" + target;
        for (String email : List.of("", DemoAccounts.EDITOR)) {
            SignedInClient client =
                    email.isEmpty() ? testing.anonymous("127.0.44.90") : testing.signedIn(email, "127.0.44.91");
            client.get(list);
            add(1);
            int listFew = statementsFor(client, list);
            List<String> listStatements = statements.statements();
            int pageFew = statementsFor(client, page);
            assertThat(listFew).isPositive().isLessThanOrEqualTo(12);
            for (int i = 2; i <= 40; i++) {
                add(i);
            }
            assertThat(client.get(list).body()).contains(PREFIX + " nr 40");
            assertThat(statementsFor(client, list))
                    .as("%s: %s, then %s", email, listStatements, statements.statements())
                    .isEqualTo(listFew);
            assertThat(client.get(page).body()).contains(PREFIX + " nr 40");
            assertThat(statementsFor(client, page)).isEqualTo(pageFew);
            jdbc.sql("delete from library_document where title like :p")
                    .param("p", PREFIX + " nr %")
                    .update();
        }
    }

    /** A public document with tags, an institution and a file; all but the first link to the first and back. */
    private long add(int n) {
        long stored = jdbc.sql("""
                        with s as (insert into stored_file (file_name, content_type, size_bytes)
                            values ('plik.txt', 'text/plain', 4) returning id),
                        c as (insert into stored_file_chunk (file_id, seq, data) select id, 0, '\\x74657374'::bytea from s)
                        select id from s
                        """).query(Long.class).single();
        long id = jdbc.sql("""
                        insert into library_document (kind, title, description, tags, year, institution_id,
                            stored_file_id, public_document, audience)
                        values ('REPORT', :title, 'Opis', array['raport', 'liczenie'], 2025,
                            (select min(id) from institution), :stored, true, array['PUBLIC'])
                        returning id
                        """)
                .param("title", n == 0 ? PREFIX + " główny" : PREFIX + " nr " + n)
                .param("stored", stored)
                .query(Long.class)
                .single();
        if (n > 0) {
            long first = testing.idOf(PREFIX + " główny");
            jdbc.sql("insert into library_document_link (document_id, target_id) values (:a, :b), (:b, :a)")
                    .param("a", id)
                    .param("b", first)
                    .update();
        }
        return id;
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
