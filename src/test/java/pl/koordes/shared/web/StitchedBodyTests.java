package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A cached page is cut at the CSRF token so every visitor's own token can go in its place, and put
 * together again as it is or as one gzip stream that any decoder reads, with the length announced
 * beforehand.
 */
class StitchedBodyTests {

    private static final String PAGE = "<html><form><input name=\"_csrf\" value=\"TOKEN\"></form>"
            + "<p>%s</p><form><input name=\"_csrf\" value=\"TOKEN\"></form></html>";

    @Test
    void aPageIsCutAtEveryPlaceTheTokenStood() {
        assertThat(texts(StitchedBody.split(bytes("<a>TOKEN<b>TOKEN<c>"), bytes("TOKEN"))))
                .containsExactly("<a>", "<b>", "<c>");
        assertThat(texts(StitchedBody.split(bytes("TOKEN middle TOKEN"), bytes("TOKEN"))))
                .containsExactly("", " middle ", "");
        assertThat(texts(StitchedBody.split(bytes("TOKENTOKEN"), bytes("TOKEN"))))
                .containsExactly("", "", "");
    }

    @Test
    void aPageWithoutATokenIsOnePart() {
        assertThat(texts(StitchedBody.split(bytes("<p>no form</p>"), bytes("TOKEN"))))
                .containsExactly("<p>no form</p>");
        assertThat(texts(StitchedBody.split(bytes("<p>no form</p>"), null))).containsExactly("<p>no form</p>");
        assertThat(texts(StitchedBody.split(bytes("TOKE"), bytes("TOKEN")))).containsExactly("TOKE");
        assertThat(StitchedBody.cut(bytes("<p>no form</p>"), bytes("TOKEN")).hasGaps())
                .isFalse();
    }

    @Test
    void thePlainBodyCarriesTheNewTokenWhereTheOldOneStood() throws IOException {
        StitchedBody body = StitchedBody.cut(bytes(PAGE.formatted("text")), bytes("TOKEN"));
        assertThat(body.hasGaps()).isTrue();
        assertThat(body.compressed()).isFalse();

        byte[] written = plain(body, "another-token");
        assertThat(new String(written, StandardCharsets.UTF_8))
                .isEqualTo(PAGE.formatted("text").replace("TOKEN", "another-token"));
        assertThat(body.plainLength("another-token".length())).isEqualTo(written.length);
    }

    @Test
    void theGzipStreamDecodesToTheBodyWithTheNewToken() throws IOException {
        String page = PAGE.formatted("Zażółć gęślą jaźń. ".repeat(200));
        StitchedBody body = StitchedBody.cut(bytes(page), bytes("TOKEN")).compress();
        for (String token : List.of("a-visitors-own-token-0123456789", "x", "")) {
            byte[] gzip = gzip(body, token);
            assertThat(gzip.length).as("announced length, token %s", token).isEqualTo(body.gzipLength(token.length()));
            assertThat(gunzip(gzip)).isEqualTo(page.replace("TOKEN", token));
        }
    }

    @Test
    void aTokenLongerThanOneByteOfLengthAndABodyOfManyDeflateChunksDecode() throws IOException {
        // Random text does not compress: each part takes more than one 16 KiB deflate chunk.
        Random random = new Random(42);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            noise.append((char) ('!' + random.nextInt(90)));
        }
        String page = noise + "TOKEN" + noise.reverse() + "TOKEN";
        String token = "t".repeat(300);
        StitchedBody body = StitchedBody.cut(bytes(page), bytes("TOKEN")).compress();

        byte[] gzip = gzip(body, token);
        assertThat(gzip.length).isEqualTo(body.gzipLength(token.length()));
        assertThat(gunzip(gzip)).isEqualTo(page.replace("TOKEN", token));
        assertThat(new String(plain(body, token), StandardCharsets.UTF_8)).isEqualTo(page.replace("TOKEN", token));
    }

    @Test
    void aPageWithoutFormsIsOneDeflatedPart() throws IOException {
        String page = "<p>%s</p>".formatted("no form here ".repeat(100));
        StitchedBody body = StitchedBody.cut(bytes(page), null).compress();
        assertThat(body.hasGaps()).isFalse();
        assertThat(gunzip(gzip(body, ""))).isEqualTo(page);
        assertThat(body.size()).as("plain and deflated bytes held").isGreaterThan(page.length());
    }

    @Test
    void anUncompressedBodyHasNoGzipForm() {
        StitchedBody body = StitchedBody.cut(bytes("<p>short</p>"), null);
        assertThatThrownBy(() -> body.writeGzip(new byte[0], new ByteArrayOutputStream()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] plain(StitchedBody body, String token) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writePlain(bytes(token), out);
        return out.toByteArray();
    }

    private static byte[] gzip(StitchedBody body, String token) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeGzip(bytes(token), out);
        return out.toByteArray();
    }

    /** Decoded by the JDK's decoder, which checks the trailer's CRC-32 and length. */
    private static String gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<byte[]> parts) {
        return parts.stream()
                .map(part -> new String(part, StandardCharsets.UTF_8))
                .toList();
    }
}
