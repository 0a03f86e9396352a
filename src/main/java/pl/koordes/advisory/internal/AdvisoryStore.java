package pl.koordes.advisory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.advisory.AdvisoryKind;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.advisory.AdvisoryStatus;

/** Reads advisory cases one at a time (the page, the forms) and the experts assigned; lists have their own queries. */
@Repository
@Transactional(readOnly = true)
public class AdvisoryStore {

    private final JdbcClient jdbc;

    AdvisoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AdvisoryRequest> find(long id) {
        return jdbc.sql("select * from advisory_request where id = :id")
                .param("id", id)
                .query(AdvisoryStore::request)
                .optional();
    }

    /** The case locked for a change: concurrent changes of one case (assignments, sessions) wait for each other. */
    @Transactional
    public Optional<AdvisoryRequest> lock(long id) {
        return jdbc.sql("select * from advisory_request where id = :id for update")
                .param("id", id)
                .query(AdvisoryStore::request)
                .optional();
    }

    /** The case with the names its page shows and its experts; two statements. */
    public Optional<AdvisoryCase> findCase(long id) {
        return find(id).map(request -> {
            record Names(
                    String topicPl,
                    String topicEn,
                    String slug,
                    String regionPl,
                    String regionEn,
                    @Nullable String by) {}
            Names names = jdbc.sql("""
                            select t.name_pl, t.name_en, g.slug, g.name_pl as region_pl, g.name_en as region_en,
                                   a.display_name
                            from advisory_topic t, region g
                            left join account a on a.id = :by and a.status <> 'DELETED'
                            where t.id = :topic and g.id = :region
                            """)
                    .param("by", request.requestedBy())
                    .param("topic", request.topicId())
                    .param("region", request.regionId())
                    .query((rs, n) -> new Names(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6)))
                    .single();
            return new AdvisoryCase(
                    request,
                    names.topicPl(),
                    names.topicEn(),
                    names.slug(),
                    names.regionPl(),
                    names.regionEn(),
                    names.by(),
                    experts(id));
        });
    }

    /** The experts assigned to the case, in the order they were assigned. */
    public List<AdvisoryCase.Expert> experts(long requestId) {
        return jdbc.sql("""
                        select s.account_id, coalesce(a.display_name, '') from advisory_assignment s
                        left join account a on a.id = s.account_id and a.status <> 'DELETED'
                        where s.request_id = :id order by s.assigned_at, s.account_id
                        """)
                .param("id", requestId)
                .query((rs, n) -> new AdvisoryCase.Expert(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The accounts of the experts assigned to the case. */
    public List<Long> assignedExperts(long requestId) {
        return jdbc.sql(
                        "select account_id from advisory_assignment where request_id = :id order by assigned_at, account_id")
                .param("id", requestId)
                .query(Long.class)
                .list();
    }

    static AdvisoryRequest request(ResultSet rs, int row) throws SQLException {
        return new AdvisoryRequest(
                rs.getLong("id"),
                rs.getLong("region_id"),
                rs.getLong("topic_id"),
                rs.getString("title"),
                rs.getString("description"),
                AdvisoryKind.valueOf(rs.getString("kind")),
                AdvisoryMode.valueOf(rs.getString("mode")),
                rs.getString("preferred_dates"),
                rs.getString("people_concerned"),
                (Long) rs.getObject("need_id"),
                AdvisoryStatus.valueOf(rs.getString("status")),
                rs.getString("decline_reason"),
                rs.getObject("scheduled_on", LocalDate.class),
                rs.getBigDecimal("hours_limit"),
                rs.getString("final_recommendation"),
                rs.getObject("rating", Integer.class),
                rs.getString("rating_comment"),
                rs.getInt("row_version"),
                (Long) rs.getObject("requested_by"),
                required(instant(rs, "requested_at"), "requested_at"),
                instant(rs, "decided_at"),
                instant(rs, "completed_at"),
                required(instant(rs, "updated_at"), "updated_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(@Nullable Instant value, String column) throws SQLException {
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }
}
