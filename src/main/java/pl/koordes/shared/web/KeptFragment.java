package pl.koordes.shared.web;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * A part of a page rendered once and put into many pages as it is (the signed-in home page's main content): its
 * UTF-8 text, and the same compressed once, at the highest level, so that a compressed page takes it without
 * compressing it again ({@link SplicingGzip}). Compressing the home page's 22 KB main content on every request
 * was a fifth of the page's CPU, even at the fastest level.
 *
 * <p>In a template it is a {@link Content}: rendered by {@link WholePageViews} it is marked where it goes; rendered
 * anywhere else it is written as text.
 */
public final class KeptFragment {

    private final byte[] plain;
    private volatile byte @Nullable [] deflated;

    private KeptFragment(byte[] plain) {
        this.plain = plain;
    }

    /** A fragment of this finished HTML (UTF-8), to be written into pages exactly as it is. */
    public static KeptFragment of(byte[] html) {
        return new KeptFragment(html);
    }

    byte[] plain() {
        return plain;
    }

    /** Raw deflate blocks, none of them final, ending on a byte boundary (a sync flush); made on first use. */
    byte[] deflated() {
        byte[] known = deflated;
        if (known == null) {
            known = deflate(plain);
            deflated = known;
        }
        return known;
    }

    /** As a template's content: marked where it goes in a page being rendered whole, else its text. */
    public Content content() {
        return output -> write(output);
    }

    private void write(TemplateOutput output) {
        if (output instanceof WholePageViews.PageHtmlOutput page) {
            page.fragment(this);
        } else {
            output.writeBinaryContent(plain);
        }
    }

    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(plain);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
            byte[] buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
