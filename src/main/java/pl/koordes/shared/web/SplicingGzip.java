package pl.koordes.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream (RFC 1952) at a chosen level, into which parts compressed in advance ({@link KeptFragment}) can be
 * put as they are. The JDK's {@code GZIPOutputStream} fixes the level and counts the body's length from its own
 * deflater, so it cannot take either.
 *
 * <p>How a part compressed in advance fits: what was compressed so far is flushed to a byte boundary (a sync flush,
 * as any streaming compressor does), the part's blocks follow (compressed on their own, so they refer only to
 * themselves, and ending on a byte boundary too), and the deflater starts afresh, so that nothing after refers back
 * across the part. The checksum and the length cover the plain text of everything. The result is one ordinary gzip
 * member that any client decodes.
 *
 * <p>Deflaters are reused between pages: a new one allocates a quarter of a megabyte of native memory and registers
 * with the JVM's cleaner under a lock all threads share, which profiling found contended on every compressed page
 * (bench/README.md, "Seventh round").
 */
final class SplicingGzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** Idle deflaters kept per level: more than pages are compressed at once on one node are never needed. */
    private static final int KEPT_PER_LEVEL = 64;

    private static final ConcurrentMap<Integer, ArrayBlockingQueue<Deflater>> IDLE = new ConcurrentHashMap<>();

    private final OutputStream target;
    private final int level;
    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[8192];
    private long length;
    private boolean started;
    private boolean finished;

    SplicingGzip(OutputStream target, int level) {
        this.target = target;
        this.level = level;
        Deflater idle = idle(level).poll();
        this.deflater = idle != null ? idle : new Deflater(level, true);
    }

    private void start() throws IOException {
        if (finished) {
            // Its deflater may already compress another page.
            throw new IllegalStateException("The gzip stream was finished");
        }
        if (!started) {
            started = true;
            target.write(HEADER);
        }
    }

    void write(byte[] bytes, int offset, int count) throws IOException {
        if (count == 0) {
            return;
        }
        start();
        crc.update(bytes, offset, count);
        length += count;
        deflater.setInput(bytes, offset, count);
        while (!deflater.needsInput()) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
            target.write(buffer, 0, n);
        }
    }

    /** What was written so far, compressed and sent on, so that a client can decode it now. */
    void flush() throws IOException {
        start();
        syncFlush();
    }

    /** Puts a part compressed in advance into the stream: its plain text is what a client decodes there. */
    void splice(KeptFragment fragment) throws IOException {
        start();
        syncFlush();
        target.write(fragment.deflated());
        byte[] plain = fragment.plain();
        crc.update(plain);
        length += plain.length;
        // Later text must not refer back over the part: the decoder's window holds the part's text there.
        deflater.reset();
    }

    /** The last block and the gzip trailer; the deflater goes back for the next page. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        start();
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer, 0, buffer.length);
            target.write(buffer, 0, n);
        }
        writeIntLittleEndian((int) crc.getValue());
        writeIntLittleEndian((int) length);
        end();
    }

    /** Gives the deflater back without writing anything more (its memory is freed when enough are idle). */
    void end() {
        if (finished) {
            return;
        }
        finished = true;
        deflater.reset();
        if (!idle(level).offer(deflater)) {
            deflater.end();
        }
    }

    private static ArrayBlockingQueue<Deflater> idle(int level) {
        return IDLE.computeIfAbsent(level, any -> new ArrayBlockingQueue<>(KEPT_PER_LEVEL));
    }

    private void syncFlush() throws IOException {
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            target.write(buffer, 0, n);
        } while (n == buffer.length);
    }

    private void writeIntLittleEndian(int value) throws IOException {
        target.write(value & 0xff);
        target.write((value >>> 8) & 0xff);
        target.write((value >>> 16) & 0xff);
        target.write((value >>> 24) & 0xff);
    }
}
