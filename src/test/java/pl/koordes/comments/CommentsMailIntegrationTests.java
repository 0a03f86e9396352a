package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.content.ArticleReference;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestSmtp;

/**
 * An author who left an e-mail address with consent is told once, by real mail (GreenMail), in the
 * language of the form, that the comment was published; the address is erased then. Without consent,
 * or for a rejected comment, nothing is sent and nothing kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// This context (and its PostgreSQL) is used by no other class: free it as soon as the class is done.
@DirtiesContext
class CommentsMailIntegrationTests {

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAuthorIsToldInPolishOnceTheCommentIsPublishedAndTheAddressIsErased() throws Exception {
        CommentsTesting testing = CommentsTesting.of(context);
        ArticleReference article = testing.article();
        String title = testing.unique("Powiadom mnie");
        SignedInClient visitor = new SignedInClient(port, "127.0.3.1");
        String page = visitor.get(article.path()).body();
        HttpResponse<String> sent = visitor.post(
                article.path() + "/komentarze",
                "title",
                title,
                "body",
                title + " treść",
                "signature",
                "Ala",
                "email",
                "ala.autorka@example.org",
                "consent",
                "true",
                "proof",
                Proofs.solveFor(visitor));
        assertThat(sent.statusCode()).isEqualTo(302);
        Comment comment = testing.byTitle(title);
        assertThat(comment.hasEmail()).isTrue();
        assertThat(smtp.to("ala.autorka@example.org")).isEmpty();

        testing.approve(comment.id());

        MimeMessage message = smtp.awaitMessageTo("ala.autorka@example.org");
        assertThat(message.getSubject()).isEqualTo("Twój komentarz został opublikowany");
        String body = TestSmtp.part(message, "text/plain");
        assertThat(body)
                .contains(title)
                .contains("https://koordes.example" + article.path() + "#komentarz-" + comment.id());
        assertThat(testing.byTitle(title).hasEmail()).isFalse();
        assertThat(jdbc.sql("select count(*) from comments_comment where email = 'ala.autorka@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();

        // Approving again (after a report, say) sends nothing more: the address is gone.
        testing.approve(comment.id());
        assertThat(smtp.to("ala.autorka@example.org")).hasSize(1);
    }

    @Test
    void anEnglishFormGivesAnEnglishMessageAndARejectedCommentGivesNoneAndForgetsTheAddress() throws Exception {
        CommentsTesting testing = CommentsTesting.of(context);
        ArticleReference article = testing.article();
        SignedInClient visitor = new SignedInClient(port, "127.0.3.2");
        String page = visitor.get(article.path() + "?lang=en").body();
        String english = testing.unique("Notify me");
        visitor.post(
                article.path() + "/komentarze",
                "title",
                english,
                "body",
                english + " body",
                "signature",
                "Bob",
                "email",
                "bob.author@example.org",
                "consent",
                "true",
                "proof",
                Proofs.solveFor(visitor));
        page = visitor.get(article.path() + "?lang=pl").body();
        String rejected = testing.unique("Odrzucony");
        visitor.post(
                article.path() + "/komentarze",
                "title",
                rejected,
                "body",
                rejected + " treść",
                "signature",
                "Cezary",
                "email",
                "cezary@example.org",
                "consent",
                "true",
                "proof",
                Proofs.solveFor(visitor));

        testing.approve(testing.byTitle(english).id());
        CommentsTesting.reject(context, testing.byTitle(rejected).id());

        MimeMessage message = smtp.awaitMessageTo("bob.author@example.org");
        assertThat(message.getSubject()).isEqualTo("Your comment has been published");
        assertThat(testing.byTitle(rejected).hasEmail()).isFalse();
        assertThat(smtp.to("cezary@example.org")).isEmpty();
    }
}
