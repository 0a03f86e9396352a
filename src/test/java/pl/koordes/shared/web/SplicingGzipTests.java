package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Parts compressed in advance put into a gzip stream ({@link SplicingGzip}): whatever the order and the sizes, a
 * standard decoder gives back exactly the text written, and the checksum and length it checks agree.
 */
class SplicingGzipTests {

    private static final byte[] PAGE_START = text("<!doctype html><html lang=\"pl\"><head><title>Strona główna</title>"
            + "</head><body><header>Zalogowano: Łucja Żółkiewska</header><main>");
    private static final byte[] PAGE_END = text("</main><footer>KoordES · stopka strony</footer></body></html>");

    @Test
    void aKeptPartBetweenTwoWrittenOnesDecodesToTheWholePage() throws IOException {
        KeptFragment main = KeptFragment.of(text(("<section><h2>Aktualności</h2><p>Treść wspólna dla wszystkich, "
                        + "powtarzana wiele razy, żeby kompresja miała co robić.</p></section>\n")
                .repeat(300)));
        assertDecodes(1, PAGE_START, main, PAGE_END);
        assertDecodes(9, PAGE_START, main, PAGE_END);
    }

    @Test
    void keptPartsAtTheStartTheEndAndSideBySideDecode() throws IOException {
        KeptFragment a = KeptFragment.of(text("<p>pierwsza część</p>".repeat(50)));
        KeptFragment b = KeptFragment.of(text("<p>druga część, inna</p>".repeat(70)));
        assertDecodes(1, a, PAGE_END);
        assertDecodes(1, PAGE_START, b);
        assertDecodes(1, a, b);
        assertDecodes(1, a);
        assertDecodes(1, PAGE_START, a, PAGE_START, b, PAGE_END, a);
    }

    @Test
    void textThatRepeatsAKeptPartAfterItIsStillDecodedRight() throws IOException {
        // The text after the part repeats it: a deflater that remembered what came before the part would refer back
        // to the wrong place.
        byte[] repeated = text("<li>powtórzony wiersz listy regionów</li>".repeat(40));
        KeptFragment part = KeptFragment.of(repeated);
        assertDecodes(1, repeated, part, repeated, PAGE_END);
    }

    @Test
    void largeRandomPartsBeyondTheBufferAndTheWindowDecode() throws IOException {
        Random random = new Random(42);
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        byte[] words = text("województwo małopolskie śląskie łódzkie ".repeat(5_000));
        assertDecodes(1, noise, KeptFragment.of(words), noise, KeptFragment.of(noise), words);
    }

    @Test
    void aStreamWithNothingSplicedIsOrdinaryGzip() throws IOException {
        assertDecodes(1, PAGE_START, PAGE_END);
        assertDecodes(6, PAGE_START);
    }

    @Test
    void aStreamGivenUpHalfWayLeavesNothingInTheNextPages() throws IOException {
        // Its deflater goes back for reuse mid-page (a reset answer): the pages compressed after it must not carry
        // any of its text or its window, whichever deflater they get.
        for (int i = 0; i < 100; i++) {
            SplicingGzip abandoned = new SplicingGzip(new ByteArrayOutputStream(), 1);
            byte[] half = text("<p>porzucona strona numer " + i + "</p>".repeat(200));
            abandoned.write(half, 0, half.length);
            abandoned.end();
            assertDecodes(1, PAGE_START, PAGE_END);
        }
    }

    @Test
    void aFinishedStreamRefusesMoreText() throws IOException {
        SplicingGzip gzip = new SplicingGzip(new ByteArrayOutputStream(), 1);
        gzip.write(PAGE_START, 0, PAGE_START.length);
        gzip.finish();
        assertThatThrownBy(() -> gzip.write(PAGE_END, 0, PAGE_END.length)).isInstanceOf(IllegalStateException.class);
        // Finishing or giving up again does nothing (its deflater may already compress another page).
        gzip.finish();
        gzip.end();
        assertDecodes(1, PAGE_START, PAGE_END);
    }

    private static void assertDecodes(int level, Object... parts) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        SplicingGzip gzip = new SplicingGzip(compressed, level);
        for (Object part : parts) {
            if (part instanceof KeptFragment fragment) {
                gzip.splice(fragment);
                expected.write(fragment.plain());
            } else {
                byte[] bytes = (byte[]) part;
                // Written in uneven pieces, as a page's runs arrive.
                for (int at = 0; at < bytes.length; at += 777) {
                    gzip.write(bytes, at, Math.min(777, bytes.length - at));
                }
                expected.write(bytes);
            }
        }
        gzip.finish();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
