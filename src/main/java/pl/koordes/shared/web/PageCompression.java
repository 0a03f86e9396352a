package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import pl.koordes.shared.web.CompressedBodyStreams.EncodingWriter;
import pl.koordes.shared.web.CompressedBodyStreams.GzipStream;

/**
 * Compresses the application's HTML pages itself, at a low gzip level ({@link PageCompressionProperties}), instead
 * of leaving them to the connector.
 *
 * <p>Why: Tomcat's compression always uses the JDK's default level (6), and a signed-in page is compressed anew
 * for every request. For the 25 KB home page that was about 1 ms of CPU, more than a third of the whole request,
 * and invisible in a Java profile because it runs in native code. Level 1 takes a fifth of that for an answer
 * about a tenth larger.
 *
 * <p>Only what would be compressed anyway is taken over: an HTML answer (not 204, 206 or 304), not already encoded,
 * not declared shorter than the minimum, to a client that accepts gzip, and not to a HEAD request. Every other
 * answer gets the container's own stream and writer, untouched, and the connector's compression as before. What the
 * connector does when it compresses is done here too: {@code Vary: Accept-Encoding}, a strong {@code ETag} made
 * weak, no {@code Content-Length}. If the answer turns into an error before it is sent ({@code sendError}, an
 * exception, a reset), the compression is dropped with its header, so the error page the container writes is
 * plain or compressed by the connector, never labelled gzip while plain.
 */
final class PageCompression extends OncePerRequestFilter {

    /**
     * The request attribute under which a compressed answer takes a page in parts ({@link Splicer}): present once
     * the answer's stream is compressed by this filter, after {@code getOutputStream()}.
     */
    static final String SPLICER = PageCompression.class.getName() + ".splicer";

    /** Writes a page in parts, text and {@link KeptFragment}s, into the compressed answer. */
    @FunctionalInterface
    interface Splicer {
        void write(List<?> segments) throws IOException;
    }

    private final PageCompressionProperties properties;

    PageCompression(PageCompressionProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return properties.level() == 0 || "HEAD".equals(request.getMethod()) || !acceptsGzip(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CompressingResponse compressing = new CompressingResponse(request, response, properties);
        boolean done = false;
        try {
            chain.doFilter(request, compressing);
            done = true;
        } finally {
            if (done) {
                compressing.finish();
            } else {
                compressing.abandon();
            }
        }
    }

    /** Whether the request's {@code Accept-Encoding} names gzip without {@code q=0}. */
    static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    /**
     * The response as the application sees it: which stream it gets is decided when it first asks for one, from
     * the status and headers set by then (a view sets its content type before it asks for the writer).
     */
    static final class CompressingResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final PageCompressionProperties properties;
        private long declaredLength = -1;
        private boolean decided;
        private boolean compressing;
        private boolean abandoned;
        private @Nullable GzipStream stream;
        private @Nullable PrintWriter writer;
        private @Nullable EncodingWriter encoder;

        CompressingResponse(
                HttpServletRequest request, HttpServletResponse response, PageCompressionProperties properties) {
            super(response);
            this.request = request;
            this.properties = properties;
        }

        private HttpServletResponse response() {
            return (HttpServletResponse) getResponse();
        }

        private void decide() {
            if (decided) {
                return;
            }
            decided = true;
            compressing = worthCompressing();
            HttpServletResponse response = response();
            if (compressing) {
                request.setAttribute(SPLICER, (Splicer) segments -> stream().writeSegments(segments));
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
                addVaryAcceptEncoding(response);
                String etag = response.getHeader(HttpHeaders.ETAG);
                if (etag != null) {
                    response.setHeader(HttpHeaders.ETAG, weak(etag));
                }
            } else if (declaredLength >= 0) {
                response.setContentLengthLong(declaredLength);
            }
        }

        private boolean worthCompressing() {
            HttpServletResponse response = response();
            int status = response.getStatus();
            String type = response.getContentType();
            return status != SC_NO_CONTENT
                    && status != SC_PARTIAL_CONTENT
                    && status != SC_NOT_MODIFIED
                    && type != null
                    && type.toLowerCase(Locale.ROOT).startsWith("text/html")
                    && response.getHeader(HttpHeaders.CONTENT_ENCODING) == null
                    && (declaredLength < 0 || declaredLength >= properties.minSize());
        }

        private static void addVaryAcceptEncoding(HttpServletResponse response) {
            for (String vary : response.getHeaders(HttpHeaders.VARY)) {
                for (String name : vary.split(",")) {
                    String trimmed = name.trim();
                    if (trimmed.equals("*") || trimmed.equalsIgnoreCase(HttpHeaders.ACCEPT_ENCODING)) {
                        return;
                    }
                }
            }
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        }

        private static String weak(String etag) {
            return etag.trim().startsWith("W/") ? etag : "W/" + etag.trim();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            decide();
            if (!compressing) {
                return super.getOutputStream();
            }
            return stream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer != null) {
                return writer;
            }
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            decide();
            if (!compressing) {
                return super.getWriter();
            }
            EncodingWriter encoding = new EncodingWriter(stream(), Charset.forName(getCharacterEncoding()));
            encoder = encoding;
            PrintWriter printing = new PrintWriter(encoding, false);
            writer = printing;
            return printing;
        }

        private GzipStream stream() throws IOException {
            GzipStream current = stream;
            if (current == null) {
                current = new GzipStream(super.getOutputStream(), properties.level());
                stream = current;
            }
            return current;
        }

        // The declared length of a compressed answer is the plain one's: held back until the decision.
        @Override
        public void setContentLength(int length) {
            setContentLengthLong(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!decided) {
                declaredLength = length;
            } else if (!compressing) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
            } else if (compressing && value != null && name.equalsIgnoreCase(HttpHeaders.ETAG)) {
                super.setHeader(name, weak(value));
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, @Nullable String value) {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                setHeader(name, value);
            } else if (compressing && value != null && name.equalsIgnoreCase(HttpHeaders.ETAG)) {
                super.addHeader(name, weak(value));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setIntHeader(String name, int value) {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                setContentLengthLong(value);
            } else {
                super.setIntHeader(name, value);
            }
        }

        @Override
        public void addIntHeader(String name, int value) {
            if (name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                setContentLengthLong(value);
            } else {
                super.addIntHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (compressing && !abandoned) {
                flushCompressed();
            }
            super.flushBuffer();
        }

        private void flushCompressed() throws IOException {
            EncodingWriter encoding = encoder;
            if (encoding != null) {
                encoding.flushEncoded();
            }
            GzipStream gzip = stream;
            if (gzip != null) {
                gzip.flush();
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            abandon();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            abandon();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            abandon();
            super.sendRedirect(location);
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            // The gzip header written so far is gone with the buffer: the next byte starts a new stream.
            restartCompression();
        }

        @Override
        public void reset() {
            super.reset();
            // Headers and the choice of stream or writer are gone too: decided again when asked.
            restartCompression();
            request.removeAttribute(SPLICER);
            decided = false;
            compressing = false;
            declaredLength = -1;
            stream = null;
            writer = null;
            encoder = null;
        }

        private void restartCompression() {
            GzipStream gzip = stream;
            if (gzip != null) {
                gzip.restart();
            }
            EncodingWriter encoding = encoder;
            if (encoding != null) {
                encoding.restart();
            }
        }

        /** Ends the compressed body: what the writer holds, then the deflater's last block and the gzip trailer. */
        void finish() throws IOException {
            if (!compressing || abandoned) {
                return;
            }
            EncodingWriter encoding = encoder;
            if (encoding != null) {
                encoding.flushEncoded();
            }
            GzipStream gzip = stream;
            boolean written = gzip != null && gzip.written();
            if (gzip != null) {
                gzip.finish();
            }
            if (!written && !isCommitted()) {
                // Nothing was written: an empty answer carries no encoding (an empty body is no gzip stream).
                response().setHeader(HttpHeaders.CONTENT_ENCODING, null);
            }
        }

        /**
         * The answer did not end as a page (an error, a redirect, an exception): whatever was compressed is
         * dropped with its header, and what is still written goes nowhere, as the container does after an error.
         */
        void abandon() {
            if (!compressing || abandoned) {
                return;
            }
            abandoned = true;
            // An error page rendered for this request afterwards is written plainly, not into this stream.
            request.removeAttribute(SPLICER);
            GzipStream gzip = stream;
            if (gzip != null) {
                gzip.discard();
            }
            HttpServletResponse response = response();
            if (!response.isCommitted()) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, null);
                response.resetBuffer();
            }
        }
    }
}
