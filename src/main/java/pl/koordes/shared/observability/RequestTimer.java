package pl.koordes.shared.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times every request as {@code http.server.requests} with the tags of Spring's own observation ({@code method},
 * {@code uri} as the route's pattern, {@code status}, {@code outcome}, {@code exception} and {@code error}), from one look-up of a kept
 * timer. Spring's observation built and sorted its tags twice a request and looked its timer up by them: 5–6 % of
 * the request threads' samples in the registration and comment benches (bench/README.md, "Eighth round").
 *
 * <p>It extends {@link ServerHttpObservationFilter} only so that Spring Boot does not register its own (it steps
 * back for any registered filter of that type, {@link RequestTiming}); nothing of the observation is used. Where the route is unknown, the {@code uri}
 * is {@code REDIRECTION} for a redirect, {@code NOT_FOUND} for a 404 and {@code UNKNOWN} otherwise, as Spring's
 * convention has it, so the tag stays within the routes (and Spring Boot's {@code max-uri-tags} filter still
 * applies); a method outside HTTP's own is {@code UNKNOWN} too. An exception that leaves the application makes the
 * status 500 (the answer the client gets).
 */
final class RequestTimer extends ServerHttpObservationFilter {

    static final String NAME = "http.server.requests";

    private static final String STARTED = RequestTimer.class.getName() + ".started";

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String uri, int status, String exception) {}

    RequestTimer(MeterRegistry registry) {
        super(ObservationRegistry.NOOP);
        this.registry = registry;
    }

    // Through again when an asynchronous request's work is done, to time it then (registered for ASYNC too).
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // An asynchronous request comes through again when its work is done: timed from its first start.
        Object started = request.getAttribute(STARTED);
        long start = started instanceof Long at ? at : System.nanoTime();
        if (started == null) {
            request.setAttribute(STARTED, start);
        }
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            failure = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            throw e;
        } finally {
            if (!request.isAsyncStarted()) {
                record(request, response, start, failure);
            }
        }
    }

    private void record(
            HttpServletRequest request, HttpServletResponse response, long start, @Nullable Throwable failure) {
        Throwable error =
                failure != null ? failure : (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        } else if (request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable handled) {
            error = handled;
        }
        int status = response.getStatus();
        Key key = new Key(
                METHODS.contains(request.getMethod()) ? request.getMethod() : "UNKNOWN",
                uri(request, status),
                status,
                error == null ? "none" : simpleName(error));
        timers.computeIfAbsent(key, this::timer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .description("HTTP server request processing time")
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", Outcome.forStatus(key.status()).name())
                .tag("exception", key.exception())
                // Micrometer's observation handler adds the observation's error under this name: the same keys as
                // before, as Prometheus wants every series of one name to have.
                .tag("error", key.exception())
                .register(registry);
    }

    private static String uri(HttpServletRequest request, int status) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern.isEmpty() ? "root" : pattern;
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        return status == HttpServletResponse.SC_NOT_FOUND ? "NOT_FOUND" : "UNKNOWN";
    }

    private static String simpleName(Throwable error) {
        String name = error.getClass().getSimpleName();
        return name.isEmpty() ? error.getClass().getName() : name;
    }
}
