package pl.koordes.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.AdministrationProperties;
import pl.koordes.accounts.internal.AuditLog;
import pl.koordes.accounts.internal.TextSearch;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log for administrators: filtered, newest first, a page at a time or all at once for
 * export. The writing side is {@link AuditLog}.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Rows fetched from the database at a time while exporting, so that a long log is never held in memory. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private static final Pattern ACTION_CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    private static final String SELECT = """
            select e.id, e.occurred_at, e.actor_id, e.actor_label,
                   case when actor.status <> 'DELETED' then nullif(actor.display_name, '') end as actor_name, e.action,
                   e.target_type, e.target_id,
                   case when target.status <> 'DELETED' then nullif(target.display_name, '') end as target_name,
                   case when target.status <> 'DELETED' then target.email end as target_email,
                   e.before_value::text as before_value, e.after_value::text as after_value, e.client_address
            from audit_entry e
            left join account actor on actor.id = e.actor_id
            left join account target on e.target_type = 'account'
                and target.id = case when e.target_id ~ '^[0-9]{1,18}$' then cast(e.target_id as bigint) end
            """;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final AdministrationProperties properties;

    AuditTrail(JdbcClient jdbc, DataSource dataSource, AdministrationProperties properties) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.properties = properties;
    }

    /**
     * Which entries to show; every part is optional.
     *
     * @param action the action code, exactly
     * @param actor part of the actor's e-mail or name
     * @param from the first day, in Warsaw time
     * @param to the last day (included), in Warsaw time
     * @param targetId entries about this account
     */
    public record AuditFilter(
            @Nullable String action,
            @Nullable String actor,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Long targetId) {

        public static AuditFilter none() {
            return new AuditFilter(null, null, null, null, null);
        }
    }

    /**
     * One audit entry as administrators read it.
     *
     * @param actorLabel the actor's e-mail as recorded, or null for the system
     * @param actorName the actor's current name, or null when the account is gone or there was none
     * @param targetName the name of the person the action concerned, when it concerned one
     * @param before the value before, as compact JSON, or null
     * @param after the value after, as compact JSON, or null
     */
    public record AuditEntry(
            long id,
            Instant occurredAt,
            @Nullable Long actorId,
            @Nullable String actorLabel,
            @Nullable String actorName,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            @Nullable String targetName,
            @Nullable String targetEmail,
            @Nullable String before,
            @Nullable String after,
            @Nullable String clientAddress) {

        /** The id of the person the action concerned, when it concerned an account that still exists. */
        public @Nullable Long targetAccountId() {
            return targetName != null && targetId != null ? Long.valueOf(targetId) : null;
        }
    }

    /** One page of entries, newest first. */
    public Paged<AuditEntry> find(AuditFilter filter, int page) {
        int size = properties.auditPageSize();
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql(
                        "select count(*) from audit_entry e left join account actor on actor.id = e.actor_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", Paged.offset(page, size));
        List<AuditEntry> entries = jdbc.sql(
                        SELECT + where + " order by e.occurred_at desc, e.id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        return new Paged<>(entries, page, size, total);
    }

    /** The newest {@code limit} matching entries, e.g. the latest changes of one person. */
    public List<AuditEntry> latest(AuditFilter filter, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by e.occurred_at desc, e.id desc limit :limit")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** Hands every matching entry to {@code each}, newest first, reading them from the database in batches. */
    public void export(AuditFilter filter, Consumer<AuditEntry> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        streaming
                .sql(SELECT + where + " order by e.occurred_at desc, e.id desc")
                .params(params)
                .query(rs -> {
                    each.accept(entry(rs));
                });
    }

    /** The action codes found in the log, alphabetically; a loose index scan keeps this cheap on a long log. */
    public List<String> actions() {
        return jdbc.sql("""
                        with recursive found(action) as (
                            select min(action) from audit_entry
                            union all
                            select (select min(action) from audit_entry where action > found.action)
                            from found where found.action is not null)
                        select action from found where action is not null
                        """)
                .query((rs, row) -> Objects.requireNonNull(rs.getString(1)))
                .list();
    }

    private String where(AuditFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.action() != null && !filter.action().isBlank()) {
            String action = filter.action().strip();
            if (ACTION_CODE.matcher(action).matches()) {
                where.append(" and e.action = :action");
                params.put("action", action);
            } else {
                // No action is called like that: nothing matches.
                where.append(" and false");
            }
        }
        String actor = TextSearch.clean(filter.actor(), properties.searchMaxLength());
        if (!actor.isEmpty()) {
            where.append(" and (")
                    .append(TextSearch.folded("e.actor_label"))
                    .append(" like :actor escape '\\'")
                    .append(" or ")
                    .append(TextSearch.folded("actor.email"))
                    .append(" like :actor escape '\\'")
                    .append(" or ")
                    .append(TextSearch.folded("actor.display_name"))
                    .append(" like :actor escape '\\')");
            params.put("actor", TextSearch.pattern(actor));
        }
        if (filter.from() != null) {
            where.append(" and e.occurred_at >= :from");
            params.put(
                    "from",
                    OffsetDateTime.ofInstant(
                            filter.from().atStartOfDay(Formats.ZONE).toInstant(), Formats.ZONE));
        }
        if (filter.to() != null) {
            where.append(" and e.occurred_at < :to");
            params.put(
                    "to",
                    OffsetDateTime.ofInstant(
                            filter.to().plusDays(1).atStartOfDay(Formats.ZONE).toInstant(), Formats.ZONE));
        }
        if (filter.targetId() != null) {
            where.append(" and e.target_type = 'account' and e.target_id = :target");
            params.put("target", filter.targetId().toString());
        }
        return where.toString();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                (Long) rs.getObject("actor_id"),
                rs.getString("actor_label"),
                rs.getString("actor_name"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("target_name"),
                rs.getString("target_email"),
                compact(rs.getString("before_value")),
                compact(rs.getString("after_value")),
                rs.getString("client_address"));
    }

    private static @Nullable String compact(@Nullable String json) {
        if (json == null) {
            return null;
        }
        JsonNode tree = JSON.readTree(json);
        return JSON.writeValueAsString(tree);
    }
}
