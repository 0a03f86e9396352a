package pl.koordes.shared.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets each module load its demonstration data once per database: the first caller for a module
 * claims it, later starts (and other nodes) skip it.
 */
@Component
public class DemoData {

    private final JdbcClient jdbc;

    public DemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the module's demo data inside the caller's transaction; false when it was loaded before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String module) {
        return jdbc.sql("insert into demo_data (module) values (:module) on conflict do nothing")
                        .param("module", module)
                        .update()
                == 1;
    }
}
