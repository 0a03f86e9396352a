package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only a few requests run at once on a node ({@code koordes.web.running-requests}, by default twice the
 * cores), in arrival order; the others wait for their turn before any of their work. A request that waits for a
 * group commit ({@link #waiting()}) gives its turn up meanwhile.
 *
 * <p>Why: on 2 cores, 16 request threads all running made a signed-in page cost twice the CPU of 4 (the same work
 * then misses the processor's caches, and the young generation holds more at each collection), while 4 request
 * threads made registrations and comment submissions a fifth slower, as their threads mostly wait for their group's
 * commit (bench/README.md, "Seventh round"). With more threads than turns, pages run few at a time and writes still
 * form large groups. The arrival order also keeps the slowest answers near the typical ones.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RunningRequests extends OncePerRequestFilter {

    /** The turn this thread holds, if any. */
    private static final ThreadLocal<@Nullable Semaphore> HELD = new ThreadLocal<>();

    private final Semaphore turns;

    RunningRequests(@Value("${koordes.web.running-requests:0}") int configured) {
        int turns = configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(turns, true);
    }

    /** How many turns are free now. */
    int turns() {
        return turns.availablePermits();
    }

    /** How many requests wait for a turn (an estimate, as the JDK's semaphore gives it). */
    int queued() {
        return turns.getQueueLength();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        turns.acquireUninterruptibly();
        HELD.set(turns);
        try {
            chain.doFilter(request, response);
        } finally {
            // Null if the request gave its turn up and never took it back: then there is nothing to give back.
            Semaphore held = HELD.get();
            HELD.remove();
            if (held != null) {
                held.release();
            }
        }
    }

    /**
     * Gives this request's turn up until the returned handle is closed, for a wait that uses no processor (a group
     * commit written by another request). Nothing is given up in a transaction: a request that waits for its turn
     * while holding a database connection could keep the requests that hold turns from getting one.
     */
    public static Waiting waiting() {
        Semaphore held = HELD.get();
        if (held == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return Waiting.NONE;
        }
        HELD.remove();
        held.release();
        return () -> {
            held.acquireUninterruptibly();
            HELD.set(held);
        };
    }

    /** The end of a wait: takes the turn back (in arrival order). */
    @FunctionalInterface
    public interface Waiting extends AutoCloseable {

        /** Nothing was given up. */
        Waiting NONE = () -> {};

        @Override
        void close();
    }
}
