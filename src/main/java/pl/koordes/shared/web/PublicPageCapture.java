package pl.koordes.shared.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Holds back the body of a public page so it can be cut and cached; any other answer passes
 * straight through. Whether to hold is decided at the first write, after the handler was chosen.
 */
final class PublicPageCapture extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private @Nullable ByteArrayOutputStream buffer;
    private @Nullable ServletOutputStream stream;
    private @Nullable PrintWriter writer;
    private boolean decided;

    PublicPageCapture(HttpServletRequest request, HttpServletResponse response) {
        super(response);
        this.request = request;
    }

    private boolean capturing() {
        if (!decided) {
            decided = true;
            if (Boolean.TRUE.equals(request.getAttribute(AnonymousPageCache.PUBLIC))) {
                buffer = new ByteArrayOutputStream(16 * 1024);
            }
        }
        return buffer != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!capturing()) {
            return super.getOutputStream();
        }
        if (stream == null) {
            ByteArrayOutputStream target = buffer;
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    target.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    target.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("a cached page is written at once");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!capturing()) {
            return super.getWriter();
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (buffer == null) {
            super.flushBuffer();
        }
    }

    @Override
    public void setContentLength(int length) {
        if (buffer == null) {
            super.setContentLength(length);
        }
    }

    @Override
    public void setContentLengthLong(long length) {
        if (buffer == null) {
            super.setContentLengthLong(length);
        }
    }

    @Override
    public void resetBuffer() {
        if (buffer != null) {
            buffer.reset();
        }
        super.resetBuffer();
    }

    @Override
    public void reset() {
        if (buffer != null) {
            buffer.reset();
        }
        super.reset();
    }

    void flushCaptured() {
        if (writer != null) {
            writer.flush();
        }
    }

    byte @Nullable [] body() {
        return buffer == null ? null : buffer.toByteArray();
    }
}
