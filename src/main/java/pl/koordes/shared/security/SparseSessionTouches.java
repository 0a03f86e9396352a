package pl.koordes.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as Spring Session's filter sees it, writing a session's last access only when it has moved by
 * {@code interval} or more. Spring Session stamps the last access on every request, which makes every signed-in page
 * an {@code UPDATE} of the session's row in its own transaction (three round trips and a row version for PostgreSQL
 * to clean up), although the stamp only serves the idle timeout of 30 minutes. Here a stamp within the interval of
 * the stored one is dropped, so a session with no other change is not written at all; a session whose attributes
 * changed is written as before, stamp included when due.
 *
 * <p>The cost: a session may end up to {@code interval} earlier than 30 minutes after the last request, since the
 * stored stamp can be that much behind. Every node reads the same row, so nothing of this is per node.
 */
final class SparseSessionTouches<S extends Session>
        implements FindByIndexNameSessionRepository<SparseSessionTouches.Touched<S>>, DisposableBean {

    private final FindByIndexNameSessionRepository<S> store;
    private final Duration interval;

    SparseSessionTouches(FindByIndexNameSessionRepository<S> store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    /** Wraps a repository whose session type is not known here (Spring Session's JDBC session is not public). */
    static <T extends Session> SparseSessionTouches<T> around(
            FindByIndexNameSessionRepository<T> store, Duration interval) {
        return new SparseSessionTouches<>(store, interval);
    }

    /** The store behind (for tests of its settings). */
    FindByIndexNameSessionRepository<S> store() {
        return store;
    }

    @Override
    public Touched<S> createSession() {
        return new Touched<>(store.createSession(), interval);
    }

    @Override
    public void save(Touched<S> session) {
        store.save(session.stored);
    }

    @Override
    public @Nullable Touched<S> findById(String id) {
        S found = SessionReads.reading(() -> store.findById(id));
        return found == null ? null : new Touched<>(found, interval);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Touched<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new Touched<>(session, interval)));
        return sessions;
    }

    /** The store schedules its clean-up of expired sessions; it must stop with the application. */
    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    /** A stored session whose last access is stamped only when it moved by the interval. */
    static final class Touched<S extends Session> implements Session {

        private final S stored;
        private final Duration interval;

        Touched(S stored, Duration interval) {
            this.stored = stored;
            this.interval = interval;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(interval) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
