package pl.koordes.opendata.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.shared.web.EntityTags;

/**
 * Answers a request the API has answered before, while its answer is still fresh in {@link ApiCache}, before
 * Spring Security's chain and Spring MVC run: the same status, headers and bytes as the full path gave, which
 * is recorded from that path's response, so nothing is rebuilt here but the validators. It runs after the rate
 * limit. What it cannot answer exactly — a first request, a stale answer, a conditional request by date alone —
 * takes the full path, which records it for the next time. An answer that set a cookie is never replayed.
 *
 * <p>Why: every answer already came from memory, yet a request cost about 1.3 ms of CPU on the full path
 * (security filters, CORS, Spring MVC and its argument resolution) where nginx needs 0.06 ms for the same
 * bytes (bench/README.md, "Open-data API").
 */
public final class KeptAnswers {

    /** The request attribute in which the controller leaves the answer it sent. */
    static final String ANSWER = KeptAnswers.class.getName() + ".answer";

    /** Headers the replay sets from the kept answer itself, or that belong to one response only. */
    private static final Set<String> OWN = Set.of(
            "etag",
            "last-modified",
            "link",
            "content-type",
            "content-length",
            "date",
            "transfer-encoding",
            "connection",
            "keep-alive",
            // Each request's own (shared.observability.RequestIdFilter).
            "x-request-id");

    private record Replay(String key, List<String[]> headers) {}

    private final ApiCache cache;
    private final Cache<String, Replay> replays =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private final AtomicLong served = new AtomicLong();

    KeptAnswers(ApiCache cache) {
        this.cache = cache;
    }

    /** How many requests were answered here (the bench and tests read it). */
    public long served() {
        return served.get();
    }

    /** Answers the request from a recorded replay and a fresh answer, or returns false to take the full path. */
    boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            return false;
        }
        String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match == null && request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null) {
            return false;
        }
        Replay replay = replays.getIfPresent(key(request));
        if (replay == null) {
            return false;
        }
        Optional<ApiCache.Answer> fresh = cache.fresh(replay.key());
        if (fresh.isEmpty()) {
            return false;
        }
        ApiCache.Answer answer = fresh.get();
        for (String[] header : replay.headers()) {
            response.addHeader(header[0], header[1]);
        }
        if (answer.link() != null && !answer.link().isEmpty()) {
            response.setHeader(HttpHeaders.LINK, answer.link());
        }
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, answer.lastModified().toEpochMilli());
        served.incrementAndGet();
        if (match != null && EntityTags.named(match, answer.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!head) {
            response.getOutputStream().write(answer.body());
        }
        return true;
    }

    /** Records how the full path answered, when it sent a kept answer (200 or 304) and set no cookie. */
    void remember(HttpServletRequest request, HttpServletResponse response) {
        if (!(request.getAttribute(ANSWER) instanceof ApiCache.Answer answer)) {
            return;
        }
        int status = response.getStatus();
        if (status != HttpServletResponse.SC_OK && status != HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        List<String[]> headers = new ArrayList<>();
        // Tomcat names a header once per value; each name's values are read once.
        for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("set-cookie")) {
                return;
            }
            if (!OWN.contains(lower)) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        replays.put(key(request), new Replay(answer.key(), List.copyOf(headers)));
    }

    /**
     * The request as far as the answer's headers depend on it: address, query, whether it is a CORS request and
     * whether it came over TLS (HSTS). The method is not part of it: HEAD and GET answer alike.
     */
    private static String key(HttpServletRequest request) {
        String query = request.getQueryString();
        return (request.isSecure() ? "s" : "p")
                + (request.getHeader(HttpHeaders.ORIGIN) == null ? "-" : "o")
                + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }
}
