package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pl.koordes.postulates.PostulateStatus;

/** The agenda table: which postulates are on which national meeting's agenda. One statement per method. */
@Repository
public class AgendaStore {

    private final JdbcClient jdbc;

    AgendaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A postulate on an event's agenda, as the event page lists it. */
    public record Item(long id, String title, long regionId, PostulateStatus status) {

        public String href() {
            return Postulate.path(id);
        }
    }

    /** The events whose agenda the postulate is on, in the order they were added. */
    public List<Long> events(long postulateId) {
        return jdbc.sql("select event_id from postulates_agenda where postulate_id = :p order by added_at, event_id")
                .param("p", postulateId)
                .query(Long.class)
                .list();
    }

    /** The public postulates on an event's agenda, in the order they were added; one statement whatever their number. */
    public List<Item> onEvent(long eventId) {
        return jdbc.sql("""
                        select p.id, p.title, p.region_id, p.status from postulates_agenda a
                        join postulates_postulate p on p.id = a.postulate_id
                        where a.event_id = :e and p.status <> 'DRAFT'
                        order by a.added_at, p.id
                        """)
                .param("e", eventId)
                .query((rs, n) -> new Item(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getLong("region_id"),
                        PostulateStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** Adds the postulate to the event's agenda; false when it was there already. */
    public boolean add(long postulateId, long eventId, Instant at, @Nullable Long by) {
        return jdbc.sql("""
                        insert into postulates_agenda (postulate_id, event_id, added_at, added_by)
                        values (:p, :e, :at, :by) on conflict do nothing
                        """)
                        .param("p", postulateId)
                        .param("e", eventId)
                        .param("at", Timestamp.from(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /** Takes the postulate off the event's agenda, and the timeline's step that said it was put there. */
    public boolean remove(long postulateId, long eventId) {
        boolean removed = jdbc.sql("delete from postulates_agenda where postulate_id = :p and event_id = :e")
                        .param("p", postulateId)
                        .param("e", eventId)
                        .update()
                == 1;
        if (removed) {
            jdbc.sql("delete from postulates_step where postulate_id = :p and kind = :kind and event_id = :e")
                    .param("p", postulateId)
                    .param("kind", StepKind.AGENDA.name())
                    .param("e", eventId)
                    .update();
        }
        return removed;
    }
}
