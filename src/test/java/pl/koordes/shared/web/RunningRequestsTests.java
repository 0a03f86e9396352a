package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Only so many requests run at once ({@link RunningRequests}); the rest wait their turn, and one waiting for a group
 * commit lets another run meanwhile, except inside a transaction.
 */
class RunningRequestsTests {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final RunningRequests running = new RunningRequests(2);
    private final AtomicInteger inside = new AtomicInteger();

    @Test
    void aThirdRequestWaitsUntilOneOfTwoRunningEnds() throws Exception {
        CountDownLatch leave = new CountDownLatch(1);
        CountDownLatch leaveAll = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            try {
                Future<?> first = threads.submit(() -> request(leave));
                threads.submit(() -> request(leaveAll));
                await().atMost(LIMIT).until(() -> inside.get() == 2);
                Future<?> third = threads.submit(() -> request(leaveAll));
                await().atMost(LIMIT).until(() -> running.turns() == 0 && waitingThreads() == 1);
                assertThat(inside.get()).as("the third has not started").isEqualTo(2);

                leave.countDown();
                first.get();
                await().atMost(LIMIT).until(() -> inside.get() == 2 && waitingThreads() == 0);
                leaveAll.countDown();
                third.get();
            } finally {
                // A failed assertion must not leave the threads waiting (closing the pool waits for them).
                leave.countDown();
                leaveAll.countDown();
            }
        }
        assertThat(running.turns()).as("every turn given back").isEqualTo(2);
    }

    @Test
    void aRequestWaitingForAGroupCommitLetsAnotherRun() throws Exception {
        CountDownLatch waited = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        AtomicInteger turnsDuringTheWait = new AtomicInteger(-1);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            try {
                threads.submit(() -> request(leave));
                // The other request runs first, so that the turn the waiting one gives up is the only one free.
                await().atMost(LIMIT).until(() -> inside.get() == 1);
                Future<?> writer = threads.submit(() -> filter((request, response) -> {
                    RunningRequests.Waiting waiting = RunningRequests.waiting();
                    try {
                        turnsDuringTheWait.set(running.turns());
                        waited.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        waiting.close();
                    }
                }));
                await().atMost(LIMIT).until(() -> turnsDuringTheWait.get() >= 0);
                assertThat(turnsDuringTheWait.get())
                        .as("the waiting request's turn is free")
                        .isEqualTo(1);
                Future<?> other = threads.submit(() -> request(leave));
                await().atMost(LIMIT).until(() -> inside.get() == 2);

                // Both turns are taken now: the waiting request takes its turn back once one is free.
                waited.countDown();
                await().atMost(LIMIT).until(() -> waitingThreads() == 1);
                leave.countDown();
                writer.get();
                other.get();
            } finally {
                waited.countDown();
                leave.countDown();
            }
        }
        assertThat(running.turns()).isEqualTo(2);
    }

    @Test
    void nothingIsGivenUpInsideATransactionOrOutsideARequest() throws Exception {
        assertThat(RunningRequests.waiting()).isSameAs(RunningRequests.Waiting.NONE);
        filter((request, response) -> {
            TransactionSynchronizationManager.setActualTransactionActive(true);
            try {
                assertThat(RunningRequests.waiting()).isSameAs(RunningRequests.Waiting.NONE);
                assertThat(running.turns())
                        .as("this request still holds its turn")
                        .isEqualTo(1);
            } finally {
                TransactionSynchronizationManager.setActualTransactionActive(false);
            }
        });
        assertThat(running.turns()).isEqualTo(2);
    }

    @Test
    void backgroundWorkWaitsForFewerRequestsThanTurns() throws Exception {
        assertThat(running.awaitQuiet(Duration.ofMinutes(1)))
                .as("no request: quiet at once")
                .isTrue();
        CountDownLatch leave = new CountDownLatch(1);
        CountDownLatch leaveAll = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            try {
                Future<?> first = threads.submit(() -> request(leave));
                threads.submit(() -> request(leaveAll));
                await().atMost(LIMIT).until(() -> inside.get() == 2);
                assertThat(running.awaitQuiet(Duration.ofMillis(50)))
                        .as("two requests on two turns: the wait runs out")
                        .isFalse();

                Future<Boolean> background = threads.submit(() -> running.awaitQuiet(Duration.ofMinutes(5)));
                leave.countDown();
                first.get();
                // Woken by the end of the first request, long before its five minutes.
                assertThat(background.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } finally {
                leave.countDown();
                leaveAll.countDown();
            }
        }
    }

    private void request(CountDownLatch leave) {
        filter((request, response) -> {
            inside.incrementAndGet();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        });
    }

    private void filter(FilterChain chain) {
        try {
            running.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int waitingThreads() {
        return running.queued();
    }
}
