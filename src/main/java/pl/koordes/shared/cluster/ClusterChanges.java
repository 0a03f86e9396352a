package pl.koordes.shared.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every application node that something of a kind changed, so that each drops what it keeps in memory
 * of it: PostgreSQL's {@code LISTEN}/{@code NOTIFY} on the channel {@value #CHANNEL}, the payload being the
 * kind ({@code "directory"}, {@code "content-pages"}…).
 *
 * <p>{@link #changed} called in a transaction is delivered when (and only if) it commits, to every node this
 * one included, usually within milliseconds; each node runs what was registered for the kind with
 * {@link #onChange} on its listening thread. Each node keeps one connection of its own (outside the pool)
 * listening; when it is lost, notices sent meanwhile are lost too, so once it is back every registered action
 * runs, whatever its kind. A cache is therefore at most {@link #BOUND} behind a change committed on another
 * node while the database is reachable; caches also keep their own periodic refresh as a second line.
 *
 * <p>Meant for changes made by people (an editor, an administrator), not for every write: PostgreSQL serialises
 * the commits of notifying transactions.
 */
@Component
public class ClusterChanges implements SmartLifecycle {

    /** The PostgreSQL channel. */
    public static final String CHANNEL = "koordes_changes";

    /** The documented bound: how long after a commit on another node a registered action has run. */
    public static final Duration BOUND = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ClusterChanges.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Runnable>> actions = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private @Nullable Thread thread;

    ClusterChanges(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Something of {@code kind} changed: in a transaction, every node hears of it once it commits; outside one,
     * at once. Call it in the transaction of the change (an {@code @EventListener} of the module's change
     * event), not after the commit.
     */
    public void changed(String kind) {
        jdbc.sql("select pg_notify(:channel, :kind)")
                .param("channel", CHANNEL)
                .param("kind", kind)
                .query(rs -> {});
    }

    /**
     * Runs {@code action} on this node whenever {@code kind} changes on any node (this one included), and after
     * the listening connection was lost and is back. Actions run on the listening thread: keep them short
     * (drop entries; let the next request read again).
     */
    public void onChange(String kind, Runnable action) {
        actions.computeIfAbsent(kind, ignored -> new CopyOnWriteArrayList<>()).add(action);
    }

    /** Whether this node is listening now (tests, health). */
    public boolean listening() {
        return listening;
    }

    /** How many notices this node has received since it started (tests). */
    public long received() {
        return received.get();
    }

    @Override
    public void start() {
        running = true;
        Thread listener = Thread.ofPlatform().daemon().name("cluster-changes").unstarted(this::listen);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            try {
                listener.join(POLL.multipliedBy(4).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean first = true;
        Duration wait = Duration.ofMillis(500);
        while (running) {
            try (Connection connection = open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                Object notices = connection.unwrap(Driver.CONNECTION);
                listening = true;
                if (!first) {
                    log.info("Listening for changes on other nodes again; dropping everything kept meanwhile");
                    actions.values().forEach(list -> list.forEach(this::run));
                }
                first = false;
                wait = Duration.ofMillis(500);
                while (running) {
                    for (String kind : Driver.notifications(notices, POLL)) {
                        received.incrementAndGet();
                        actions.getOrDefault(kind, List.of()).forEach(this::run);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                first = false;
                if (running) {
                    log.warn("Not listening for changes on other nodes, trying again in {}: {}", wait, e.toString());
                    LockSupport.parkNanos(wait.toNanos());
                    wait = wait.multipliedBy(2).compareTo(RECONNECT_AT_MOST) > 0
                            ? RECONNECT_AT_MOST
                            : wait.multipliedBy(2);
                }
            }
        }
        listening = false;
    }

    /** A connection of its own, outside the pool, so that listening never takes one from requests. */
    private Connection open() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("A change notice's action failed", e);
        }
    }

    /**
     * The PostgreSQL driver's notification API, reached by reflection: its classes carry Checker Framework
     * annotations that the build's {@code -Xlint:all -Werror} refuses to read.
     */
    private static final class Driver {

        static final Class<?> CONNECTION = load("org.postgresql.PGConnection");
        private static final Method GET_NOTIFICATIONS = method(CONNECTION, "getNotifications", int.class);
        private static final Method GET_PARAMETER = method(load("org.postgresql.PGNotification"), "getParameter");

        /** The payloads of the notices that arrived, waiting at most {@code wait} for the first. */
        static List<String> notifications(Object connection, Duration wait) throws SQLException {
            try {
                Object[] arrived = (Object[]) GET_NOTIFICATIONS.invoke(connection, (int) wait.toMillis());
                if (arrived == null) {
                    return List.of();
                }
                List<String> kinds = new java.util.ArrayList<>(arrived.length);
                for (Object notice : arrived) {
                    kinds.add(String.valueOf(GET_PARAMETER.invoke(notice)));
                }
                return kinds;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Class<?> load(String name) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Method method(Class<?> type, String name, Class<?>... parameters) {
            try {
                return type.getMethod(name, parameters);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
