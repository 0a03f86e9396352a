package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives anonymous visitors a public page ({@link PublicPage}) rendered a moment ago, instead of reading the
 * database and rendering it again, and answers a conditional request for it ({@code If-None-Match}) with {@code
 * 304 Not Modified} from memory: no statement, no rendering. It runs before the session and security filters, so
 * a kept page costs neither; the headers (security headers and {@code Cache-Control: public}, see {@link
 * PublicAnswers}) are the ones the full rendering produced. A public page is the same bytes for every visitor (no
 * cookie, no CSRF token), kept plain and gzip-compressed, with a weak {@code ETag} made from its bytes.
 *
 * <p>A page older than {@link PageCacheProperties#ttl()} is rendered again by one request while the others still
 * get the copy of a moment ago (never older than twice the time to live), and the first rendering of an address
 * is made by one request while the others wait for it: no burst of renderings when a popular page expires.
 *
 * <p>Only GET requests without a session cookie are served from here; a changing request that succeeds on this
 * node empties it (an editor's change, a moderation decision, a registration), which bounds how long a change
 * made on another node or by a scheduled job stays unseen to the time to live. Signed-in people always get a
 * fresh page.
 */
public class AnonymousPageCache extends OncePerRequestFilter {

    /** Request attribute: the handler is a {@link PublicPage}; set before it writes anything. */
    static final String PUBLIC = AnonymousPageCache.class.getName() + ".PUBLIC";

    /** Per-response headers that the servlet container sets anew, or that this filter sets itself. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "date",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "content-encoding",
            "etag",
            // Each request's own (shared.observability.RequestIdFilter).
            "x-request-id");

    /** How long a request waits for another one's first rendering of the same address before rendering it too. */
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

    /** Secure apart: headers differ over TLS (Strict-Transport-Security). */
    private record Key(
            String language,
            boolean secure,
            String uri,
            @Nullable String query) {}

    /** Below this size compression is not worth it (the same threshold as server.compression). */
    private static final int COMPRESS_FROM = 1024;

    /** A kept page: the headers to replay, the body plain and compressed, its validator, when it was rendered. */
    private record Entry(
            List<String[]> headers,
            byte[] plain,
            byte @Nullable [] gzip,
            String etag,
            long renderedAt,
            AtomicBoolean renewing) {

        int weight() {
            return plain.length + (gzip == null ? 0 : gzip.length) + 256 * headers.size() + 128;
        }
    }

    private final Cache<Key, Entry> pages;
    private final long ttlNanos;
    private final AtomicLong forgotten = new AtomicLong();
    private final ConcurrentHashMap<Key, CountDownLatch> firstRenderings = new ConcurrentHashMap<>();
    private final AtomicLong renderings = new AtomicLong();

    public AnonymousPageCache(PageCacheProperties properties) {
        this.ttlNanos = properties.ttl().toNanos();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfterWrite(properties.ttl().multipliedBy(2))
                .recordStats()
                .build();
    }

    Cache<?, ?> cache() {
        return pages;
    }

    /** How many public pages were rendered for anonymous visitors through this cache (tests read it). */
    long renderings() {
        return renderings.get();
    }

    /** Forgets every cached page (this node only). */
    public void clear() {
        forgotten.incrementAndGet();
        pages.invalidateAll();
    }

    /**
     * How many times the kept pages were forgotten (a change made through this node): what a signed-in page keeps
     * of a public page's parts under the same rules (the home page's blocks) is read again once this moved.
     */
    public long forgotten() {
        return forgotten.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method)) {
            chain.doFilter(request, response);
            if (!"HEAD".equals(method) && !"OPTIONS".equals(method) && response.getStatus() < 400) {
                // Whatever it changed may be on a cached page; the next visitors see it at once.
                forgotten.incrementAndGet();
                pages.invalidateAll();
            }
            return;
        }
        String query = request.getQueryString();
        if (!PublicAnswers.anonymous(request) || PublicAnswers.switchesLanguage(query)) {
            chain.doFilter(request, response);
            return;
        }
        // No request parameter is read here: a malformed query must reach the security filters and
        // the error page exactly as without the cache (a 400 with every security header).
        Key key = new Key(
                LanguageResolver.fromCookie(request).code(), request.isSecure(), request.getRequestURI(), query);
        Entry cached = pages.getIfPresent(key);
        if (cached != null) {
            if (System.nanoTime() - cached.renderedAt() < ttlNanos
                    || !cached.renewing().compareAndSet(false, true)) {
                serve(cached, request, response);
                return;
            }
            // Stale: this request renders it again; meanwhile everyone else still gets this copy.
            try {
                render(key, request, response, chain);
            } finally {
                cached.renewing().set(false);
            }
            return;
        }
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch first = firstRenderings.putIfAbsent(key, mine);
        if (first == null) {
            try {
                render(key, request, response, chain);
            } finally {
                firstRenderings.remove(key, mine);
                mine.countDown();
            }
            return;
        }
        Entry rendered = awaitFirst(first) ? pages.getIfPresent(key) : null;
        if (rendered != null) {
            serve(rendered, request, response);
        } else {
            render(key, request, response, chain);
        }
    }

    private static boolean awaitFirst(CountDownLatch first) {
        try {
            return first.await(WAIT_FOR_FIRST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The full path; a public page's answer is kept and then given out as a kept one would be. */
    private void render(Key key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PublicPageCapture capture = new PublicPageCapture(request, response);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.flushCaptured();
        }
        byte[] body = capture.body();
        if (body == null) {
            return;
        }
        renderings.incrementAndGet();
        if (response.getStatus() == HttpServletResponse.SC_OK
                && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
            Entry entry = entry(response, body);
            pages.put(key, entry);
            // Its headers are on the response already: only the validator and the body are added.
            serve(entry, request, response, false);
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void serve(Entry entry, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(entry, request, response, true);
    }

    private static void serve(
            Entry entry, HttpServletRequest request, HttpServletResponse response, boolean replayHeaders)
            throws IOException {
        boolean varies = false;
        for (String[] header : entry.headers()) {
            if (replayHeaders) {
                response.addHeader(header[0], header[1]);
            }
            varies |= header[0].equalsIgnoreCase(HttpHeaders.VARY);
        }
        response.setHeader(HttpHeaders.ETAG, entry.etag());
        if (entry.gzip() != null && !varies) {
            response.addHeader(HttpHeaders.VARY, "Accept-Encoding");
        }
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && EntityTags.named(match, entry.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        byte[] gzip = entry.gzip();
        byte[] body = entry.plain();
        if (gzip != null && PageCompression.acceptsGzip(request)) {
            // The answer is already encoded: the connector's own compression leaves it alone.
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = gzip;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean compressible(HttpServletResponse response, int length) {
        String type = response.getContentType();
        return length >= COMPRESS_FROM
                && response.getHeader(HttpHeaders.CONTENT_ENCODING) == null
                && type != null
                && (type.startsWith("text/")
                        || type.startsWith("application/xml")
                        || type.startsWith("application/rss+xml")
                        || type.startsWith("application/atom+xml")
                        || type.startsWith("image/svg+xml"));
    }

    private static Entry entry(HttpServletResponse response, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        // Tomcat names a header once per value; each name's values are read once.
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        return new Entry(
                List.copyOf(headers),
                body,
                compressible(response, body.length) ? gzip(body) : null,
                etag(body),
                System.nanoTime(),
                new AtomicBoolean());
    }

    /** A weak tag: the same for the plain and the compressed body (RFC 9110, 8.8.3). */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Compressed once, at the JDK's default level, as server.compression does it. */
    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
