package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.internal.ArticleManagement;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Each node keeps the published articles found by address and the banned phrases for the comment submissions
 * (issue 19): a change through the write paths is seen by the very next submission, nothing older is used.
 */
@IntegrationTest
class CommentSubmissionLookupsIntegrationTests {

    /** Client addresses of this class (127.0.67.x): each test's senders count alone against the per-address limit. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ArticleManagement articles;

    CommentsTesting samples;
    ArticleReference article;

    @BeforeEach
    void article() {
        samples = CommentsTesting.of(context);
        article = samples.article();
    }

    @Test
    void aDeletedArticleTakesNoMoreCommentsFromTheNextSubmissionOn() {
        SignedInClient sender = new SignedInClient(port, "127.0.67." + ADDRESSES.incrementAndGet());
        assertThat(send(sender, samples.unique("Przed usunięciem")).statusCode())
                .isEqualTo(302);

        articles.deleteArticle(article.id());

        assertThat(send(sender, samples.unique("Po usunięciu")).statusCode()).isEqualTo(404);
    }

    @Test
    void aPhraseBannedAfterSubmissionsIsRefusedInTheNextOne() {
        SignedInClient sender = new SignedInClient(port, "127.0.67." + ADDRESSES.incrementAndGet());
        String phrase = samples.unique("zakazane słowo");
        assertThat(send(sender, samples.unique("Przed zakazem") + " " + phrase.replace("zakazane", "dozwolone"))
                        .statusCode())
                .isEqualTo(302);

        samples.ban(phrase);

        HttpResponse<String> refused = send(sender, samples.unique("Po zakazie") + " " + phrase);
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    private HttpResponse<String> send(SignedInClient sender, String title) {
        return sender.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                title + ": treść komentarza",
                "signature",
                "Czytelnik",
                "email",
                "",
                "website",
                "",
                "proof",
                Proofs.solveFor(sender));
    }
}
