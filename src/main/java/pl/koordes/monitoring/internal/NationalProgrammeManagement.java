package pl.koordes.monitoring.internal;

import static pl.koordes.monitoring.internal.NationalChanges.optional;
import static pl.koordes.monitoring.internal.NationalChanges.required;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Administrators' edits of the national programme's structure: renaming an area, adding, changing and
 * deleting directions and national actions. Every change is audited with the values before and after;
 * a form shown before someone else's change is refused ({@code row_version}), and a direction that
 * regional programmes or indicators depend on is not deleted.
 */
@Service
@Transactional
public class NationalProgrammeManagement {

    private final JdbcClient jdbc;
    private final NationalChanges changes;
    private final NationalProgrammeReads reads;

    NationalProgrammeManagement(JdbcClient jdbc, NationalChanges changes, NationalProgrammeReads reads) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.reads = reads;
    }

    public void renameArea(long id, AreaForm form) {
        Map<String, @Nullable Object> before = changes.area(id).orElseThrow(() -> new NotFound("area", id));
        jdbc.sql("update monitoring_area set name_pl = :pl, name_en = :en where id = :id")
                .param("pl", required(form.namePl()))
                .param("en", required(form.nameEn()))
                .param("id", id)
                .update();
        changes.publish(
                MonitoringAction.MONITORING_AREA_UPDATED,
                "area",
                id,
                before,
                changes.area(id).orElse(null));
    }

    public long createDirection(long areaId, DirectionForm form) {
        reads.area(areaId).orElseThrow(() -> new NotFound("area", areaId));
        requireFreeCode("monitoring_direction", form.code(), null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into monitoring_direction (area_id, code, name_pl, name_en, description, position)
                            values (:area, :code, :pl, :en, :description, :position) returning id""")
                    .param("area", areaId)
                    .param("code", required(form.code()))
                    .param("pl", required(form.namePl()))
                    .param("en", required(form.nameEn()))
                    .param("description", optional(form.description()))
                    .param("position", position(form.position()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        changes.publish(
                MonitoringAction.MONITORING_DIRECTION_CREATED,
                "direction",
                id,
                null,
                changes.direction(id).orElse(null));
        return id;
    }

    public void updateDirection(long id, DirectionForm form) {
        Map<String, @Nullable Object> before = changes.direction(id).orElseThrow(() -> new NotFound("direction", id));
        requireFreeCode("monitoring_direction", form.code(), id);
        int rows;
        try {
            rows = jdbc.sql("""
                            update monitoring_direction
                            set code = :code, name_pl = :pl, name_en = :en, description = :description,
                                position = :position, row_version = row_version + 1
                            where id = :id and row_version = :version""")
                    .param("code", required(form.code()))
                    .param("pl", required(form.namePl()))
                    .param("en", required(form.nameEn()))
                    .param("description", optional(form.description()))
                    .param("position", position(form.position()))
                    .param("id", id)
                    .param("version", version(form.rowVersion()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        NationalChanges.requireUpdated(rows);
        changes.publish(
                MonitoringAction.MONITORING_DIRECTION_UPDATED,
                "direction",
                id,
                before,
                changes.direction(id).orElse(null));
    }

    /**
     * Deletes a direction with its national actions; refused while regional actions are mapped to it or
     * national indicators measure it (deleting it would silently drop those mappings).
     */
    public void deleteDirection(long id) {
        Map<String, @Nullable Object> before = changes.direction(id).orElseThrow(() -> new NotFound("direction", id));
        // Locks the direction, so that no mapping is added between the check and the deletion.
        jdbc.sql("select id from monitoring_direction where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
        if (reads.directionUsage(id).any()) {
            throw Refused.conflict("monitoring.national.direction.inUse");
        }
        jdbc.sql("delete from monitoring_direction where id = :id")
                .param("id", id)
                .update();
        changes.publish(MonitoringAction.MONITORING_DIRECTION_DELETED, "direction", id, before, null);
    }

    public long createAction(long directionId, NationalActionForm form) {
        reads.direction(directionId).orElseThrow(() -> new NotFound("direction", directionId));
        requireFreeCode("monitoring_national_action", form.code(), null);
        long id;
        try {
            id = jdbc.sql("""
                            insert into monitoring_national_action (direction_id, code, name_pl, name_en, position)
                            values (:direction, :code, :pl, :en, :position) returning id""")
                    .param("direction", directionId)
                    .param("code", required(form.code()))
                    .param("pl", required(form.namePl()))
                    .param("en", required(form.nameEn()))
                    .param("position", position(form.position()))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        changes.publish(
                MonitoringAction.MONITORING_NATIONAL_ACTION_CREATED,
                "national-action",
                id,
                null,
                changes.action(id).orElse(null));
        return id;
    }

    public void updateAction(long id, NationalActionForm form) {
        Map<String, @Nullable Object> before = changes.action(id).orElseThrow(() -> new NotFound("action", id));
        requireFreeCode("monitoring_national_action", form.code(), id);
        int rows;
        try {
            rows = jdbc.sql("""
                            update monitoring_national_action
                            set code = :code, name_pl = :pl, name_en = :en, position = :position,
                                row_version = row_version + 1
                            where id = :id and row_version = :version""")
                    .param("code", required(form.code()))
                    .param("pl", required(form.namePl()))
                    .param("en", required(form.nameEn()))
                    .param("position", position(form.position()))
                    .param("id", id)
                    .param("version", version(form.rowVersion()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        NationalChanges.requireUpdated(rows);
        changes.publish(
                MonitoringAction.MONITORING_NATIONAL_ACTION_UPDATED,
                "national-action",
                id,
                before,
                changes.action(id).orElse(null));
    }

    public void deleteAction(long id) {
        Map<String, @Nullable Object> before = changes.action(id).orElseThrow(() -> new NotFound("action", id));
        jdbc.sql("delete from monitoring_national_action where id = :id")
                .param("id", id)
                .update();
        changes.publish(MonitoringAction.MONITORING_NATIONAL_ACTION_DELETED, "national-action", id, before, null);
    }

    /**
     * Refuses a code another record of the same kind has, whatever its letter case ("i.1" beside "I.1"
     * would be two directions no reader tells apart).
     */
    void requireFreeCode(String table, @Nullable String code, @Nullable Long except) {
        String sql = switch (table) {
            case "monitoring_direction" ->
                "select exists (select 1 from monitoring_direction where lower(code) = lower(:code) and id <> :except)";
            case "monitoring_national_action" ->
                "select exists (select 1 from monitoring_national_action where lower(code) = lower(:code) and id <> :except)";
            default ->
                "select exists (select 1 from monitoring_national_indicator where lower(code) = lower(:code) and id <> :except)";
        };
        boolean taken = Boolean.TRUE.equals(jdbc.sql(sql)
                .param("code", required(code))
                .param("except", except == null ? -1L : except)
                .query(Boolean.class)
                .single());
        if (taken) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
    }

    static int position(@Nullable Integer position) {
        return position == null ? 0 : position;
    }

    /** The version the form was shown with; a form without one (forged or broken) matches no row. */
    static int version(@Nullable Integer rowVersion) {
        return rowVersion == null ? -1 : rowVersion;
    }
}
