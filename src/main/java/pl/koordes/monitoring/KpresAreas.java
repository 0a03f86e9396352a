package pl.koordes.monitoring;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The areas of the national programme for other modules (postulates are tagged with them). */
@Service
@Transactional(readOnly = true)
public class KpresAreas {

    private final JdbcClient jdbc;

    KpresAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The areas in the programme's order. */
    public List<KpresArea> all() {
        return jdbc.sql("select code, name_pl, name_en from monitoring_area order by position, code")
                .query((rs, n) -> new KpresArea(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
