package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * Pages compressed by the application itself ({@link PageCompression}): what a browser that accepts gzip gets is
 * the same page, smaller, correctly labelled, also when the answer turns into an error half way.
 */
@IntegrationTest
@Import(TestExtensions.class)
class PageCompressionIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aSignedInPersonsPagesArriveCompressedAndDecodeToTheSamePage() {
        SignedInClient participant = new SignedInClient(port);
        participant.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        for (String path : new String[] {"/", "/wydarzenia", "/konto", "/konto?lang=en"}) {
            HttpResponse<String> plain = participant.get(path);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            HttpResponse<byte[]> compressed = participant.getBytes(path, "Accept-Encoding", "gzip, deflate, br");
            assertThat(compressed.statusCode()).as(path).isEqualTo(200);
            assertThat(compressed.headers().firstValue("Content-Encoding"))
                    .as(path)
                    .hasValue("gzip");
            assertThat(String.join(",", compressed.headers().allValues("Vary")))
                    .as(path)
                    .containsIgnoringCase("Accept-Encoding");
            assertThat(compressed.headers().firstValue("Cache-Control"))
                    .as(path + ": still private")
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            String decoded = gunzip(compressed.body());
            assertThat(SignedInClient.withoutCsrfTokens(decoded))
                    .as(path)
                    .isEqualTo(SignedInClient.withoutCsrfTokens(plain.body()));
            assertThat(compressed.body().length)
                    .as(path)
                    .isLessThan(plain.body().length() / 2);
        }
    }

    @Test
    void aClientThatRefusesGzipGetsThePlainPage() {
        SignedInClient participant = new SignedInClient(port);
        participant.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        HttpResponse<byte[]> refused = participant.getBytes("/konto", "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("<html lang=\"pl\">");
    }

    @Test
    void errorPagesOfSignedInPeopleAreLabelledAsWhatTheyAre() {
        SignedInClient participant = new SignedInClient(port);
        participant.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        HttpResponse<byte[]> missing = participant.getBytes("/nie-ma-takiej-strony", "Accept-Encoding", "gzip");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(decoded(missing)).contains("Nie znaleziono strony");
        HttpResponse<byte[]> forbidden = participant.getBytes("/redakcja", "Accept-Encoding", "gzip");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(decoded(forbidden)).contains("Brak dostępu");
    }

    @Test
    void aPageThatFailsHalfWayGivesTheErrorPageNotTheHalfPage() {
        Http http = new Http(port);
        HttpResponse<byte[]> failed =
                http.getBytes("/test/half-page?how=exception", "Accept-Encoding", "gzip", "Accept", "text/html");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(decoded(failed)).contains("Coś poszło nie tak").doesNotContain("pierwsza połowa");
        HttpResponse<byte[]> error =
                http.getBytes("/test/half-page?how=error", "Accept-Encoding", "gzip", "Accept", "text/html");
        assertThat(error.statusCode()).isEqualTo(409);
        assertThat(decoded(error)).doesNotContain("pierwsza połowa").contains("<html lang=\"pl\">");
    }

    @Test
    void aPageStartedAgainFromAnEmptyBufferArrivesWholeAndOnlyOnce() {
        HttpResponse<byte[]> reset = new Http(port).getBytes("/test/half-page?how=reset", "Accept-Encoding", "gzip");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(reset.body()))
                .isEqualTo("<!doctype html><p>" + "druga strona od początku ".repeat(200) + "</p>");
    }

    /** The body as the browser shows it: decompressed if, and only if, it says it is compressed. */
    private static String decoded(HttpResponse<byte[]> response) {
        if (response.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equalsIgnoreCase)
                .isPresent()) {
            return gunzip(response.body());
        }
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("not a whole gzip stream (" + body.length + " bytes)", e);
        }
    }
}
