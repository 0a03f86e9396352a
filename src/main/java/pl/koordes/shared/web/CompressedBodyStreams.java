package pl.koordes.shared.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The streams of a body compressed by {@link PageCompression}: bytes into gzip, and characters into those bytes. */
final class CompressedBodyStreams {

    private CompressedBodyStreams() {}

    /**
     * The compressed body, started on its first byte (so a reset buffer gets a fresh gzip header); parts of the page
     * compressed in advance go in as they are ({@link #writeSegments}).
     */
    static final class GzipStream extends ServletOutputStream {

        private final ServletOutputStream target;
        private final int level;
        private @Nullable SplicingGzip gzip;
        private boolean discarded;
        private boolean written;

        GzipStream(ServletOutputStream target, int level) {
            this.target = target;
            this.level = level;
        }

        private @Nullable SplicingGzip gzip() {
            if (discarded) {
                return null;
            }
            SplicingGzip current = gzip;
            if (current == null) {
                current = new SplicingGzip(target, level);
                gzip = current;
            }
            return current;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            SplicingGzip current = gzip();
            if (current != null && length > 0) {
                written = true;
                current.write(bytes, offset, length);
            }
        }

        /** A page in parts: its text ({@code byte[]}) and parts compressed in advance ({@link KeptFragment}). */
        void writeSegments(List<?> segments) throws IOException {
            SplicingGzip current = gzip();
            if (current == null) {
                return;
            }
            for (Object segment : segments) {
                if (segment instanceof KeptFragment fragment) {
                    written = true;
                    current.splice(fragment);
                } else {
                    byte[] bytes = (byte[]) segment;
                    write(bytes, 0, bytes.length);
                }
            }
        }

        /** Whether any of the body was written (an empty body is sent without compression). */
        boolean written() {
            return written;
        }

        @Override
        public void flush() throws IOException {
            SplicingGzip current = gzip;
            if (current != null && !discarded) {
                // A sync flush: what was written so far can be decoded by the client now.
                current.flush();
            }
            target.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        void finish() throws IOException {
            SplicingGzip current = gzip;
            if (current != null && !discarded && written) {
                current.finish();
                gzip = null;
                discarded = true;
            } else {
                restart();
            }
        }

        void restart() {
            SplicingGzip current = gzip;
            if (current != null) {
                current.end();
            }
            gzip = null;
            written = false;
        }

        void discard() {
            restart();
            discarded = true;
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }

    /**
     * Characters into the compressed stream in the answer's encoding. The encoder is replaceable so that a reset
     * buffer also drops the characters it still holds.
     */
    static final class EncodingWriter extends Writer {

        private final OutputStream target;
        private final Charset charset;
        private @Nullable OutputStreamWriter current;

        EncodingWriter(OutputStream target, Charset charset) {
            this.target = target;
            this.charset = charset;
        }

        private OutputStreamWriter current() {
            OutputStreamWriter writer = current;
            if (writer == null) {
                writer = new OutputStreamWriter(new HeldFlush(target), charset);
                current = writer;
            }
            return writer;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            current().write(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            current().write(text, offset, length);
        }

        @Override
        public void write(int c) throws IOException {
            current().write(c);
        }

        /** Encodes what is held into the stream without flushing the stream itself. */
        void flushEncoded() throws IOException {
            OutputStreamWriter writer = current;
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            flushEncoded();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        void restart() {
            current = null;
        }
    }

    /**
     * The encoder's way into the compressed stream. Its flush does not reach the stream: encoding what is held
     * must not also end a deflate block and send the answer's start.
     */
    private static final class HeldFlush extends OutputStream {

        private final OutputStream target;

        HeldFlush(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            target.write(bytes, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
