package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives anonymous visitors a public page ({@link PublicPage}) rendered for an earlier visitor a moment
 * ago, instead of reading the database and rendering it again: an article read by thousands costs one
 * rendering every few seconds. It runs before the session and security filters, so a cached page
 * costs neither; the headers (security headers included) are the ones the full rendering produced.
 *
 * <p>The only per-visitor part of such a page is the CSRF token of its forms. The cache keeps the page
 * cut at the token, and every visitor gets a token of their own, from the same cookie repository and
 * masked by the same handler as the security filter chain does it, so forms on a cached page are
 * accepted exactly like forms on a fresh one.
 *
 * <p>The page is also kept compressed, so a cached page costs no compression either: each part is
 * deflated once and ends on a byte boundary (a sync flush), and a visitor's token goes between them
 * as a stored block; the gzip trailer's checksum is computed per answer (microseconds).
 *
 * <p>Only GET requests without a session cookie are served from the cache; a changing request that
 * succeeds on this node empties it (an editor's change, a moderation decision, a registration), and
 * entries expire after {@link PageCacheProperties#ttl()}, which bounds how long a change made on
 * another node or by a scheduled job stays unseen. Signed-in people always get a fresh page.
 */
public class AnonymousPageCache extends OncePerRequestFilter {

    /** Request attribute: the handler is a {@link PublicPage}; set before it writes anything. */
    static final String PUBLIC = AnonymousPageCache.class.getName() + ".PUBLIC";

    /** The session cookie of Spring Session: its presence means someone may be signed in. */
    private static final String SESSION_COOKIE = "SESSION";

    /** Per-response headers that the servlet container or the token logic sets anew. */
    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "connection", "keep-alive", "content-encoding");

    /** Secure apart: headers differ over TLS (Strict-Transport-Security). */
    private record Key(String language, boolean secure, String uri, @Nullable String query) {
    }

    /** Below this size compression is not worth it (the same threshold as server.compression). */
    private static final int COMPRESS_FROM = 1024;

    /** A gzip header: deflate, no name, no time, unknown system. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** The last deflate block: final, stored, empty. */
    private static final byte[] FINAL_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};

    /**
     * A cached page: its headers and its body cut at each place where the CSRF token stood, and the
     * same parts deflated (null when the page is not worth compressing).
     */
    private record Entry(List<String[]> headers, List<byte[]> parts, int length, @Nullable List<byte[]> deflated,
            int deflatedLength) {

        int weight() {
            return length + deflatedLength + 256 * headers.size() + 128;
        }
    }

    private final Cache<Key, Entry> pages;
    private final CsrfTokenRepository tokens;
    private final CsrfTokenRequestHandler masking = new XorCsrfTokenRequestAttributeHandler();

    public AnonymousPageCache(PageCacheProperties properties, CsrfTokenRepository tokens) {
        this.tokens = tokens;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfterWrite(properties.ttl())
                .recordStats()
                .build();
    }

    Cache<?, ?> cache() {
        return pages;
    }

    /** Forgets every cached page (this node only). */
    public void clear() {
        pages.invalidateAll();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method)) {
            chain.doFilter(request, response);
            if (!"HEAD".equals(method) && !"OPTIONS".equals(method) && response.getStatus() < 400) {
                // Whatever it changed may be on a cached page; the next visitors see it at once.
                pages.invalidateAll();
            }
            return;
        }
        String query = request.getQueryString();
        if (!anonymous(request) || switchesLanguage(query)) {
            chain.doFilter(request, response);
            return;
        }
        // No request parameter is read here: a malformed query must reach the security filters and
        // the error page exactly as without the cache (a 400 with every security header).
        Key key = new Key(LanguageResolver.fromCookie(request).code(), request.isSecure(), request.getRequestURI(), query);
        Entry cached = pages.getIfPresent(key);
        if (cached != null) {
            serve(cached, request, response);
            return;
        }
        Capture capture = new Capture(request, response);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.flushCaptured();
        }
        byte[] body = capture.body();
        if (body != null && response.getStatus() == HttpServletResponse.SC_OK && onlyTokenCookie(response)) {
            pages.put(key, entry(response, body, tokenOf(request)));
        }
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void serve(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (String[] header : entry.headers()) {
            response.addHeader(header[0], header[1]);
        }
        byte[] token = new byte[0];
        if (entry.parts().size() > 1) {
            // The visitor's own token: from their cookie, or a new one with its cookie, masked anew.
            DeferredCsrfToken deferred = tokens.loadDeferredToken(request, response);
            masking.handle(request, response, deferred::get);
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            token = csrf.getToken().getBytes(StandardCharsets.US_ASCII);
        }
        int gaps = entry.parts().size() - 1;
        ServletOutputStream out = response.getOutputStream();
        if (entry.deflated() != null && acceptsGzip(request)) {
            writeGzip(entry, token, response, out);
            return;
        }
        response.setContentLength(entry.length() + token.length * gaps);
        for (int i = 0; i < entry.parts().size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(entry.parts().get(i));
        }
    }

    /** Header, the deflated parts with the token as stored blocks between them, the final block, the trailer. */
    private static void writeGzip(Entry entry, byte[] token, HttpServletResponse response, ServletOutputStream out)
            throws IOException {
        List<byte[]> deflated = entry.deflated();
        int gaps = deflated.size() - 1;
        byte[] stored = {0, (byte) token.length, (byte) (token.length >>> 8), (byte) ~token.length,
                (byte) (~token.length >>> 8)};
        CRC32 crc = new CRC32();
        for (int i = 0; i < entry.parts().size(); i++) {
            if (i > 0) {
                crc.update(token);
            }
            crc.update(entry.parts().get(i));
        }
        int size = entry.length() + token.length * gaps;
        byte[] trailer = new byte[8];
        ByteBuffer.wrap(trailer).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).putInt(size);
        // The answer is already encoded: the connector's own compression leaves it alone.
        response.setHeader("Content-Encoding", "gzip");
        response.addHeader("Vary", "Accept-Encoding");
        response.setContentLength(GZIP_HEADER.length + entry.deflatedLength() + gaps * (stored.length + token.length)
                + FINAL_BLOCK.length + trailer.length);
        out.write(GZIP_HEADER);
        for (int i = 0; i < deflated.size(); i++) {
            if (i > 0) {
                out.write(stored);
                out.write(token);
            }
            out.write(deflated.get(i));
        }
        out.write(FINAL_BLOCK);
        out.write(trailer);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
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

    private static boolean compressible(HttpServletResponse response, int length) {
        String type = response.getContentType();
        return length >= COMPRESS_FROM && response.getHeader("Content-Encoding") == null && type != null
                && (type.startsWith("text/") || type.startsWith("application/xml") || type.startsWith("application/rss+xml")
                        || type.startsWith("application/atom+xml") || type.startsWith("image/svg+xml"));
    }

    private static Entry entry(HttpServletResponse response, byte[] body, @Nullable String token) {
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        List<byte[]> parts = split(body, token == null ? null : token.getBytes(StandardCharsets.US_ASCII));
        int length = parts.stream().mapToInt(part -> part.length).sum();
        List<byte[]> deflated = compressible(response, length) ? deflate(parts) : null;
        int deflatedLength = deflated == null ? 0 : deflated.stream().mapToInt(part -> part.length).sum();
        return new Entry(List.copyOf(headers), List.copyOf(parts), length, deflated, deflatedLength);
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
                parts.add(java.util.Arrays.copyOfRange(body, from, i));
                from = i + token.length;
                i = from - 1;
            }
        }
        parts.add(java.util.Arrays.copyOfRange(body, from, body.length));
        return parts;
    }

    private static boolean matches(byte[] body, int at, byte[] token) {
        for (int j = 0; j < token.length; j++) {
            if (body[at + j] != token[j]) {
                return false;
            }
        }
        return true;
    }

    /** The masked token this rendering put in its forms, if it loaded one. */
    private static @Nullable String tokenOf(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf ? csrf.getToken() : null;
    }

    /** A session (or the language switch) set by this answer would make it someone's own: not cached. */
    private static boolean onlyTokenCookie(HttpServletResponse response) {
        for (String cookie : response.getHeaders("Set-Cookie")) {
            if (!cookie.startsWith(pl.koordes.shared.security.CsrfTokens.COOKIE + "=")) {
                return false;
            }
        }
        return true;
    }

    /** {@code ?lang=} switches the language and sets its cookie: that answer is the visitor's own. */
    private static boolean switchesLanguage(@Nullable String query) {
        if (query == null) {
            return false;
        }
        String prefix = LanguageResolver.PARAMETER + "=";
        return query.startsWith(prefix) || query.contains("&" + prefix);
    }

    private static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (SESSION_COOKIE.equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Holds back the body of a public page so it can be cut and cached; any other answer passes
     * straight through. Whether to hold is decided at the first write, after the handler was chosen.
     */
    private static final class Capture extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private @Nullable ByteArrayOutputStream buffer;
        private @Nullable ServletOutputStream stream;
        private @Nullable PrintWriter writer;
        private boolean decided;

        Capture(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean capturing() {
            if (!decided) {
                decided = true;
                if (Boolean.TRUE.equals(request.getAttribute(PUBLIC))) {
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
}
