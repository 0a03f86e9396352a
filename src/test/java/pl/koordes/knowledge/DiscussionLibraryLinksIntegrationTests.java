package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * A post may point only to library documents that exist and that every reader of its space may open; a document a
 * reader may not open (narrowed after the post was written) is not shown to them, neither its title nor its number.
 */
@IntegrationTest
class DiscussionLibraryLinksIntegrationTests {

    private static final String PREFIX = "Test linków biblioteki";
    private static final String NETWORK = "/dyskusje/siec-koordynatorow";
    private static final String REFUSED = "nie wszyscy czytelnicy tej przestrzeni";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SearchIndex index;

    DiscussionsTesting testing;

    long malopolskieOnly;

    long coordinators;

    @BeforeEach
    void setUp() {
        testing = new DiscussionsTesting(jdbc, port, accounts, index);
        long malopolskie = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        malopolskieOnly = document(
                PREFIX + ": raport o kozich serach",
                "array['ROLE:EDITOR', 'ROLE:ADMINISTRATOR', 'ROLE:REGIONAL_COORDINATOR:REGION:' || :region,"
                        + " 'ROLE:REGIONAL_COORDINATOR:REGION:ANY', 'ROLE:COMMITTEE_MEMBER:REGION:' || :region,"
                        + " 'ROLE:COMMITTEE_MEMBER:REGION:ANY']",
                malopolskie);
        coordinators = document(
                PREFIX + ": wzór umowy partnerskiej",
                "array['ROLE:EDITOR', 'ROLE:ADMINISTRATOR', 'ROLE:REGIONAL_COORDINATOR']",
                malopolskie);
    }

    /** An internal document with these audience tokens (an expression that may use :region). */
    private long document(String title, String audience, long region) {
        return jdbc.sql("insert into library_document (kind, title, year, external_url, public_document, audience)"
                        + " values ('REPORT', :title, 2025, 'https://example.org/dokument', false, " + audience
                        + ") returning id")
                .param("title", title)
                .param("region", String.valueOf(region))
                .query(Long.class)
                .single();
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
        jdbc.sql("delete from library_document where title like :p")
                .param("p", PREFIX + "%")
                .update();
    }

    private HttpResponse<String> start(SignedInClient client, String title, String documents) {
        return client.submit(
                NETWORK + "/nowy-watek",
                NETWORK + "/nowy-watek",
                "title",
                title,
                "body",
                "Zobaczcie ten dokument.",
                "documents",
                documents);
    }

    @Test
    void aDocumentThatIsMissingOrNotForEveryReaderOfTheSpaceIsRefusedOnSaving() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.47.40");
        HttpResponse<String> narrow = start(kinga, PREFIX + " wąski", String.valueOf(malopolskieOnly));
        assertThat(narrow.statusCode()).isEqualTo(422);
        assertThat(narrow.body()).contains(REFUSED).contains("error-summary");
        HttpResponse<String> missing = start(kinga, PREFIX + " brak", "/biblioteka/987654321");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains(REFUSED);
        assertThat(jdbc.sql("select count(*) from discussion_thread where title like :p")
                        .param("p", PREFIX + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(start(kinga, PREFIX + " szeroki", coordinators + ", /biblioteka/" + coordinators)
                        .statusCode())
                .isEqualTo(302);
        long thread = testing.thread(PREFIX + " szeroki");
        HttpResponse<String> reply = kinga.submit(
                NETWORK + "/watki/" + thread,
                NETWORK + "/watki/" + thread + "/odpowiedz",
                "body",
                "I jeszcze ten.",
                "documents",
                String.valueOf(malopolskieOnly));
        assertThat(reply.statusCode()).isEqualTo(422);
        assertThat(reply.body()).contains(REFUSED).contains("I jeszcze ten.");
    }

    @Test
    void aDocumentTheReaderMayNotOpenIsNotShown() {
        SignedInClient kinga = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.47.41");
        assertThat(start(kinga, PREFIX + " pokaz", String.valueOf(coordinators)).statusCode())
                .isEqualTo(302);
        long thread = testing.thread(PREFIX + " pokaz");
        // The second document's audience narrowed after the post was written: as if linked beside the check.
        jdbc.sql("insert into discussion_post_document (post_id, document_id, position) values (:p, :d, 1)")
                .param("p", testing.lastPost(thread))
                .param("d", malopolskieOnly)
                .update();

        String own = kinga.get(NETWORK + "/watki/" + thread).body();
        assertThat(own).contains("wzór umowy partnerskiej").contains("raport o kozich serach");
        SignedInClient stefan = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.47.42");
        String other = stefan.get(NETWORK + "/watki/" + thread).body();
        assertThat(other)
                .contains("wzór umowy partnerskiej")
                .contains("href=\"/biblioteka/" + coordinators + "\"")
                .doesNotContain("kozich")
                .doesNotContain("/biblioteka/" + malopolskieOnly + "\"");
    }
}
