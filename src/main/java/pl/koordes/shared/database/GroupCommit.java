package pl.koordes.shared.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.web.RunningRequests;

/**
 * Group commit of one kind of write per key (an event's registrations, a node's comment submissions): a request
 * joins its key's queue, then waits for the key's turn (a lock the caller gives, e.g. the fair lock every other
 * change to an event's seats takes). Whoever gets the turn writes every request queued by then, up to
 * {@link #GROUP}, in one transaction, in arrival order; the others find their answer ready when their turn comes.
 * The writer still decides the requests one after another, but the locks, the checks and the commit (its WAL
 * flush) are paid once per group instead of once per request.
 *
 * @param <K> what requests are grouped by
 * @param <R> a request
 * @param <A> its answer
 */
public final class GroupCommit<K, R, A> {

    /** At most this many requests are written in one transaction. */
    public static final int GROUP = 64;

    /** A request waiting for its event's turn, and where its answer goes once it has been written. */
    private record Queued<R, A>(R request, CompletableFuture<A> answer) {}

    private final Function<K, ReentrantLock> turns;
    private final TransactionTemplate transactions;
    private final BiFunction<K, List<R>, List<A>> writer;
    /** Requests waiting for their key's turn, per key, in arrival order. */
    private final Map<K, Queue<Queued<R, A>>> waiting = new ConcurrentHashMap<>();

    /**
     * @param turns the lock of a key's turn (the same lock for a key every time)
     * @param writer writes one key's group inside the transaction it is given; returns one answer per
     *     request, in the same order. It must not throw for one request's sake (a refusal is an answer),
     *     as that fails the whole group.
     */
    public GroupCommit(
            Function<K, ReentrantLock> turns,
            TransactionTemplate transactions,
            BiFunction<K, List<R>, List<A>> writer) {
        this.turns = turns;
        this.transactions = transactions;
        this.writer = writer;
    }

    /** Writes the request with its key's group and returns its answer; a failure of its write is thrown. */
    public A submit(K key, R request) {
        Queued<R, A> queued = new Queued<>(request, new CompletableFuture<>());
        Queue<Queued<R, A>> queue = waiting.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        queue.add(queued);
        ReentrantLock turn = turns.apply(key);
        // While it waits for the turn (and writes the group, if it gets it) another request may run: the wait is
        // for another's commit, and the writer's own work is one thread per key.
        RunningRequests.Waiting waiting = RunningRequests.waiting();
        try {
            turn.lock();
            try {
                while (!queued.answer().isDone()) {
                    List<Queued<R, A>> group = new ArrayList<>();
                    for (Queued<R, A> next; group.size() < GROUP && (next = queue.poll()) != null; ) {
                        group.add(next);
                    }
                    if (group.isEmpty()) {
                        break;
                    }
                    write(key, group);
                }
            } finally {
                turn.unlock();
            }
        } finally {
            waiting.close();
        }
        try {
            return queued.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Writes a group in one transaction. Should it fail as a whole (a request the database refuses, a deadlock with another node),
     * each is written again in a transaction of its own, so that one bad request fails alone.
     */
    private void write(K key, List<Queued<R, A>> group) {
        try {
            List<A> answers = transactions.execute(status ->
                    writer.apply(key, group.stream().map(Queued::request).toList()));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException failure) {
            if (group.size() == 1) {
                group.getFirst().answer().completeExceptionally(failure);
                return;
            }
            for (Queued<R, A> one : group) {
                try {
                    one.answer()
                            .complete(transactions.execute(status ->
                                    writer.apply(key, List.of(one.request())).getFirst()));
                } catch (RuntimeException single) {
                    one.answer().completeExceptionally(single);
                }
            }
        } finally {
            // Whatever happened (an Error included), nobody waits for an answer that will never come. Only the answers
            // still open get the exception: building one (its stack trace) for every request cost more than the check.
            for (Queued<R, A> one : group) {
                if (!one.answer().isDone()) {
                    one.answer().completeExceptionally(new IllegalStateException("Request not written"));
                }
            }
        }
    }
}
