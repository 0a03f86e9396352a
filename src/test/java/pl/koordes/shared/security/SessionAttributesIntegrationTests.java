package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 19: sessions in PostgreSQL shared by every node. Two requests of one session at once (a double click,
 * or two tabs, answered by two nodes) that both add the same attribute, such as the message a redirect carries:
 * each loaded the session before the other saved it, so each saves the attribute as new. Spring Session's plain
 * insert failed the second with a duplicate key; the PostgreSQL customizer's upsert lets the later one win.
 */
@IntegrationTest
class SessionAttributesIntegrationTests {

    /** The store as the application uses it: Spring Session's JDBC store behind {@link SparseSessionTouches}. */
    @Autowired
    FindByIndexNameSessionRepository<?> sessions;

    @Test
    void thePostgreSqlUpsertIsTheQueryInUse() {
        assertThat(sessions).isInstanceOf(SparseSessionTouches.class);
        Object store = ((SparseSessionTouches<?>) sessions).store();
        assertThat(store).isInstanceOf(JdbcIndexedSessionRepository.class);
        assertThat((String) ReflectionTestUtils.getField(store, "createSessionAttributeQuery"))
                .containsIgnoringCase("ON CONFLICT");
    }

    @Test
    void twoRequestsAddingTheSameAttributeAtOnceBothSucceedAndTheLaterWins() {
        bothSucceed(sessions);
    }

    @Test
    void manyParallelSavesOfOneNewAttributeAllSucceed() throws Exception {
        parallel(sessions);
    }

    private static <S extends Session> void bothSucceed(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        created.setAttribute("koordes.test.visits", 0);
        sessions.save(created);

        S onNodeA = sessions.findById(created.getId());
        S onNodeB = sessions.findById(created.getId());
        onNodeA.setAttribute("koordes.test.notice", "zapisano (A)");
        onNodeB.setAttribute("koordes.test.notice", "zapisano (B)");
        sessions.save(onNodeA);
        sessions.save(onNodeB);

        assertThat((String) sessions.findById(created.getId()).getAttribute("koordes.test.notice"))
                .isEqualTo("zapisano (B)");
        sessions.deleteById(created.getId());
    }

    private static <S extends Session> void parallel(SessionRepository<S> sessions) throws Exception {
        S created = sessions.createSession();
        sessions.save(created);
        int requests = 8;
        CyclicBarrier together = new CyclicBarrier(requests);
        CompletableFuture<?>[] running = new CompletableFuture<?>[requests];
        // One thread per request, as a servlet container gives them (the common pool may have one thread).
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        for (int i = 0; i < requests; i++) {
            String value = "żądanie " + i;
            running[i] = CompletableFuture.runAsync(
                    () -> {
                        S mine = sessions.findById(created.getId());
                        mine.setAttribute("koordes.test.flash", value);
                        try {
                            together.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        sessions.save(mine);
                    },
                    threads);
        }
        CompletableFuture.allOf(running).get(30, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat((String) sessions.findById(created.getId()).getAttribute("koordes.test.flash"))
                .startsWith("żądanie ");
        sessions.deleteById(created.getId());
    }
}
