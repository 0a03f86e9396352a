package pl.koordes.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * A page body cut at every place where a CSRF token stood, put together again with another token,
 * as it is or gzip-compressed.
 *
 * <p>Compressed, each part is deflated once, when the body is cut, and ends on a byte boundary (a
 * sync flush); putting a body together then costs no compression: a gzip header, the deflated parts
 * with the token as a stored (uncompressed) deflate block between each two, an empty final block, and
 * the gzip trailer, whose checksum and length are the only things computed per answer (microseconds).
 * Any gzip decoder reads the result as the body with the new token in every gap.
 */
final class StitchedBody {

    /** A gzip header: deflate, no name, no time, unknown system. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** The last deflate block: final, stored, empty. */
    private static final byte[] FINAL_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};

    /** The header of a stored deflate block: not final, type 0, then its length and the length's complement. */
    private static final int STORED_HEADER_LENGTH = 5;

    /** The gzip trailer: CRC-32 and the uncompressed length modulo 2^32, both little-endian. */
    private static final int TRAILER_LENGTH = 8;

    private final List<byte[]> parts;
    private final int length;
    private final @Nullable List<byte[]> deflated;
    private final int deflatedLength;

    private StitchedBody(List<byte[]> parts, @Nullable List<byte[]> deflated) {
        this.parts = List.copyOf(parts);
        this.length = sum(parts);
        this.deflated = deflated == null ? null : List.copyOf(deflated);
        this.deflatedLength = deflated == null ? 0 : sum(deflated);
    }

    /** Cuts {@code body} at every occurrence of {@code token} (none when it is null or empty); not compressed. */
    static StitchedBody cut(byte[] body, byte @Nullable [] token) {
        return new StitchedBody(split(body, token), null);
    }

    /** The same body with its parts deflated, so that {@link #writeGzip} can be used. */
    StitchedBody compress() {
        return compressed() ? this : new StitchedBody(parts, deflate(parts));
    }

    /** The body cut at every occurrence of the token (random, so it occurs only where a form put it). */
    static List<byte[]> split(byte[] body, byte @Nullable [] token) {
        List<byte[]> parts = new ArrayList<>();
        if (token == null || token.length == 0) {
            parts.add(body);
            return parts;
        }
        int from = 0;
        for (int i = 0; i <= body.length - token.length; i++) {
            if (matches(body, i, token)) {
                parts.add(Arrays.copyOfRange(body, from, i));
                from = i + token.length;
                i = from - 1;
            }
        }
        parts.add(Arrays.copyOfRange(body, from, body.length));
        return parts;
    }

    /** Whether a token goes anywhere: the page had a form. */
    boolean hasGaps() {
        return gaps() > 0;
    }

    /** Whether the parts were deflated, so that {@link #writeGzip} can be used. */
    boolean compressed() {
        return deflated != null;
    }

    /** Bytes held, for the cache's weight. */
    int size() {
        return length + deflatedLength;
    }

    /** The length of the body with a token of {@code tokenLength} bytes in every gap. */
    int plainLength(int tokenLength) {
        return length + tokenLength * gaps();
    }

    /** Writes the body with {@code token} in every gap. */
    void writePlain(byte[] token, OutputStream out) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(parts.get(i));
        }
    }

    /** The length of the gzip stream {@link #writeGzip} writes for a token of {@code tokenLength} bytes. */
    int gzipLength(int tokenLength) {
        requireCompressed();
        return GZIP_HEADER.length
                + deflatedLength
                + gaps() * (STORED_HEADER_LENGTH + tokenLength)
                + FINAL_BLOCK.length
                + TRAILER_LENGTH;
    }

    /**
     * Writes the body with {@code token} in every gap as one gzip stream: header, the deflated parts
     * with the token as a stored block between them, the final block, the trailer. A token is at most
     * 65535 bytes, the most a stored block holds.
     */
    void writeGzip(byte[] token, OutputStream out) throws IOException {
        List<byte[]> compressedParts = requireCompressed();
        if (token.length > 0xffff) {
            throw new IllegalArgumentException("a token of " + token.length + " bytes does not fit a stored block");
        }
        byte[] stored = {
            0, (byte) token.length, (byte) (token.length >>> 8), (byte) ~token.length, (byte) (~token.length >>> 8)
        };
        CRC32 crc = new CRC32();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                crc.update(token);
            }
            crc.update(parts.get(i));
        }
        byte[] trailer = new byte[TRAILER_LENGTH];
        ByteBuffer.wrap(trailer)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue())
                .putInt(plainLength(token.length));
        out.write(GZIP_HEADER);
        for (int i = 0; i < compressedParts.size(); i++) {
            if (i > 0) {
                out.write(stored);
                out.write(token);
            }
            out.write(compressedParts.get(i));
        }
        out.write(FINAL_BLOCK);
        out.write(trailer);
    }

    private int gaps() {
        return parts.size() - 1;
    }

    private List<byte[]> requireCompressed() {
        if (deflated == null) {
            throw new IllegalStateException("the body was cut without compression");
        }
        return deflated;
    }

    /** Each part deflated on its own and ended on a byte boundary, so that stored blocks can go between. */
    private static List<byte[]> deflate(List<byte[]> parts) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            List<byte[]> deflated = new ArrayList<>(parts.size());
            byte[] chunk = new byte[16 * 1024];
            for (byte[] part : parts) {
                deflater.reset();
                deflater.setInput(part);
                ByteArrayOutputStream out = new ByteArrayOutputStream(part.length / 4 + 64);
                int n;
                do {
                    n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                    out.write(chunk, 0, n);
                } while (n == chunk.length || !deflater.needsInput());
                deflated.add(out.toByteArray());
            }
            return deflated;
        } finally {
            deflater.end();
        }
    }

    private static boolean matches(byte[] body, int at, byte[] token) {
        for (int j = 0; j < token.length; j++) {
            if (body[at + j] != token[j]) {
                return false;
            }
        }
        return true;
    }

    private static int sum(List<byte[]> parts) {
        return parts.stream().mapToInt(part -> part.length).sum();
    }
}
