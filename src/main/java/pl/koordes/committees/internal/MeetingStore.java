package pl.koordes.committees.internal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads one meeting (its page, its forms, its minutes); lists have their own queries. */
@Repository
@Transactional(readOnly = true)
public class MeetingStore {

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The meeting, if it belongs to the region (an id of another region's meeting finds nothing). */
    public Optional<Meeting> find(long regionId, long id) {
        return jdbc.sql("select * from committee_meeting where id = :id and region_id = :region")
                .param("id", id)
                .param("region", regionId)
                .query(Meeting::of)
                .optional();
    }

    /** The meeting locked for a change: concurrent changes of one meeting wait for each other. */
    @Transactional
    public Optional<Meeting> lock(long id) {
        return jdbc.sql("select * from committee_meeting where id = :id for update")
                .param("id", id)
                .query(Meeting::of)
                .optional();
    }
}
