package pl.koordes.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /**
     * The longest one wait for a quiet moment ({@link #awaitQuiet(Duration)}) sleeps before it looks again: a safety
     * net only, as the end of every request wakes the waiters once fewer requests are on the node than turns.
     */
    private static final long LOOK_AGAIN_MILLIS = 100;

    private final Semaphore turns;

    /** How many background threads wait for a quiet moment: the end of a request wakes them only when there are some. */
    private final AtomicInteger waitingForQuiet = new AtomicInteger();

    private final Object quiet = new Object();

    /**
     * The requests on this node between the start and the end of this filter, waiting for a turn or for a group
     * commit included: a burst of writes mostly waits for its groups' commits, with turns free.
     */
    private final AtomicInteger inFlight = new AtomicInteger();

    private final int turnCount;

    RunningRequests(@Value("${koordes.web.running-requests:0}") int configured) {
        int turns = configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(turns, true);
        this.turnCount = turns;
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
        inFlight.incrementAndGet();
        try {
            run(request, response, chain);
        } finally {
            if (inFlight.decrementAndGet() < turnCount && waitingForQuiet.get() > 0) {
                synchronized (quiet) {
                    quiet.notifyAll();
                }
            }
        }
    }

    private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
     * Fewer requests on this node than turns: the visitors leave processor time to spare. (Free turns alone say little:
     * in a burst of writes most requests wait for their group's commit, with their turns given up.)
     */
    private boolean isQuiet() {
        return inFlight.get() < turnCount;
    }

    /**
     * Waits, at most {@code longest}, until fewer requests are on this node than turns: background work that can wait a little (an
     * e-mail's delivery) lets a burst of visitors have the processors first. Returns whether the moment came (false:
     * the wait ran out, or the thread was interrupted, and the work goes ahead anyway).
     */
    public boolean awaitQuiet(Duration longest) {
        if (isQuiet() || longest.isZero() || longest.isNegative()) {
            return true;
        }
        long until = System.nanoTime() + longest.toNanos();
        waitingForQuiet.incrementAndGet();
        try {
            synchronized (quiet) {
                while (!isQuiet()) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    quiet.wait(Math.max(1, Math.min(LOOK_AGAIN_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                }
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waitingForQuiet.decrementAndGet();
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
