package pl.koordes.events.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each event's turn in this node: fair locks striped by event id. Every change to an event's seats
 * waits for the event's row lock in the database anyway; waiting here first (fairly, so in arrival
 * order) keeps the waiting requests from holding database connections while they wait, so that a rush
 * on one event does not exhaust the connection pool for everyone else.
 */
@Component
public class EventTurns {

    /** Enough stripes that two busy events rarely share one; sharing only costs waiting, never correctness. */
    private static final int STRIPES = 64;

    private final ReentrantLock[] turns = new ReentrantLock[STRIPES];
    private final TransactionTemplate transactions;

    EventTurns(TransactionTemplate transactions) {
        this.transactions = transactions;
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock(true);
        }
    }

    /** Runs {@code work} in its own transaction once it is the event's turn. */
    public <T> T inTurn(long eventId, Supplier<T> work) {
        ReentrantLock turn = turn(eventId);
        turn.lock();
        try {
            return transactions.execute(status -> work.get());
        } finally {
            turn.unlock();
        }
    }

    /** The event's fair lock, for work that takes turns in its own way (the registrations' group commit). */
    ReentrantLock turn(long eventId) {
        return turns[(int) Math.floorMod(eventId, (long) turns.length)];
    }

    TransactionTemplate transactions() {
        return transactions;
    }
}
