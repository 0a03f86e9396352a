package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.Multipart;
import pl.koordes.support.SignedInClient;

/**
 * A file whose name is too long (over 255 characters) is the upload form again, with what was typed and a
 * message beside the file field, whichever form sends it (event materials, pictures, partner logos); never
 * a bare 413. Over real HTTP, as a browser sends the name.
 */
@IntegrationTest
class UploadFileNamesIntegrationTests {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String MESSAGE = "Nazwa pliku jest za długa (najwyżej 255 znaków)";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SignedInClient editor;

    @BeforeEach
    void signIn() {
        editor = new SignedInClient(port, "127.0.0.81");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
    }

    @Test
    void aMaterialWithAFiveThousandCharacterNameIsTheFormAgainWithItsTitle() {
        long event = jdbc.sql("""
                        select min(e.id) from event e join region r on r.id = e.region_id
                        where r.slug = 'malopolskie' and e.level = 'REGIONAL' and e.status = 'PUBLISHED'
                        """).query(Long.class).single();
        String page = "/organizacja/wydarzenia/" + event + "/materialy";
        for (String parameter : new String[] {
            Multipart.fileName("a".repeat(4996) + ".pdf"),
            // Polish letters, as RFC 5987 sends them: 5,000 characters, 30,000 bytes of header.
            "filename*=UTF-8''" + URLEncoder.encode("ż".repeat(4996) + ".pdf", StandardCharsets.UTF_8)
        }) {
            HttpResponse<String> answer = Multipart.upload(
                    editor,
                    port,
                    page,
                    Multipart.token(editor, page),
                    Map.of("title", "Program z długą nazwą", "participantsOnly", "true"),
                    "plik",
                    parameter,
                    "application/pdf",
                    PDF);
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(answer.body())
                    .contains(MESSAGE)
                    .contains("value=\"Program z długą nazwą\"")
                    .containsPattern("name=\"participantsOnly\" value=\"true\" checked");
            assertSecurityHeaders(answer);
        }
        assertThat(jdbc.sql("select count(*) from event_file where title = 'Program z długą nazwą'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPictureAndAPartnerLogoWithATooLongNameAreTheFormAgain() {
        HttpResponse<String> picture = Multipart.upload(
                editor,
                port,
                "/redakcja/obrazy",
                Multipart.token(editor, "/redakcja/obrazy"),
                Map.of("alt", "Opis obrazu zachowany"),
                "plik",
                Multipart.fileName("obraz".repeat(1000) + ".png"),
                "image/png",
                PDF);
        assertThat(picture.statusCode()).isEqualTo(422);
        assertThat(picture.body()).contains(MESSAGE).contains("Opis obrazu zachowany");
        assertSecurityHeaders(picture);

        HttpResponse<String> logo = Multipart.upload(
                editor,
                port,
                "/redakcja/partnerzy",
                Multipart.token(editor, "/redakcja/partnerzy"),
                Map.of("kind", "PARTNER", "name", "Partner z długim logo", "url", "", "sortOrder", "1"),
                "logo",
                Multipart.fileName("logo".repeat(1250) + ".png"),
                "image/png",
                PDF);
        assertThat(logo.statusCode()).isEqualTo(422);
        assertThat(logo.body()).contains(MESSAGE).contains("Partner z długim logo");
        assertSecurityHeaders(logo);
    }

    @Test
    void aPartHeaderOverTheServersLimitIsRefusedWithTheSitesPage() {
        String page = "/redakcja/obrazy";
        HttpResponse<String> answer = Multipart.upload(
                editor,
                port,
                page,
                Multipart.token(editor, page),
                Map.of("alt", "Opis"),
                "plik",
                Multipart.fileName("x".repeat(70_000) + ".png"),
                "image/png",
                PDF);
        assertThat(answer.statusCode()).isIn(413, 422);
        assertSecurityHeaders(answer);
        assertThat(answer.body()).doesNotContain("Apache Tomcat").contains("lang=\"pl\"");
    }

    private static void assertSecurityHeaders(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
