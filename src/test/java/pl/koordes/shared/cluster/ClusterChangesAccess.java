package pl.koordes.shared.cluster;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A second node's {@link ClusterChanges} on the same database, for tests in other packages. */
public final class ClusterChangesAccess {

    private ClusterChangesAccess() {}

    /** Node A: it only sends; it is not started, so it does not listen. */
    public static ClusterChanges node(JdbcClient jdbc, DataSource dataSource) {
        return new ClusterChanges(jdbc, dataSource);
    }
}
