package pl.koordes.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchSource;
import pl.koordes.shared.security.Role;

/**
 * The regions' monitoring reports in the search index: one entry per region and period for which the region has
 * reported anything, leading to the report's page {@code /monitoring/sprawozdania/{period}/{region}} with the names of
 * the indicators reported, the comments, sources, explanations, reasons for returning and the notes exchanged. Found by
 * exactly those {@link MonitoringPermissions#canReadRegion} lets open the page: the region's coordinators and
 * committee members (and those holding either role for the whole country), central institutions and the operator.
 * Every change of a value is audited; the entry of its region and period is refreshed just before it commits.
 */
@Component
class MonitoringReportSearch implements SearchSource {

    static final String SOURCE = "monitoring-report";

    private static final String REPORTS = """
            select p.id as period_id, p.year, p.half, r.id as region_id, r.slug, r.name_pl,
                (select string_agg(concat_ws(E'\\n',
                        (select vi.name from monitoring_version_indicator vi where vi.indicator_id = v.indicator_id
                         order by vi.version_id desc limit 1),
                        v.comment, v.source, v.explanation, v.return_reason,
                        (select string_agg(n.body, E'\\n' order by n.created_at) from monitoring_value_note n
                         where n.value_id = v.id)), E'\\n' order by v.indicator_id)
                 from monitoring_value v where v.period_id = p.id and v.region_id = r.id) as body
            from monitoring_period p join region r
              on exists (select 1 from monitoring_value v where v.period_id = p.id and v.region_id = r.id)
            where (cast(:period as bigint) is null or p.id = :period)
              and (cast(:region as bigint) is null or r.id = :region)
            order by p.id, r.id
            """;

    private final JdbcClient jdbc;
    private final SearchIndex index;

    MonitoringReportSearch(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** A period at a time: at most one entry per region each. */
    @Override
    public void entries(Consumer<SearchEntry> sink) {
        List<Long> periods = jdbc.sql("select id from monitoring_period order by id")
                .query(Long.class)
                .list();
        for (long period : periods) {
            reports(period, null).forEach(sink);
        }
    }

    /** Refreshes the reports a change of a value, a period or a region's programme concerns, before it commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void changed(MonitoringChanged change) {
        if (change.action() == MonitoringAction.MONITORING_VALUE_FILE_DOWNLOADED
                || change.action() == MonitoringAction.MONITORING_TEMPLATE_DOWNLOADED) {
            return;
        }
        Long region = change.regionId();
        switch (change.targetType()) {
            case "value" -> {
                long[] key = jdbc.sql("select period_id, region_id from monitoring_value where id = :id")
                        .param("id", Long.parseLong(change.targetId()))
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                        .optional()
                        .orElse(null);
                if (key != null) {
                    refresh(key[0], key[1]);
                } else if (region != null) {
                    refresh(null, region);
                }
            }
            case "period" -> refresh(Long.parseLong(change.targetId()), region);
            default -> {
                // A programme's indicators renamed: the names its reports show.
                if (region != null) {
                    refresh(null, region);
                }
            }
        }
    }

    /** Puts the reports of the period, the region or both that the statement gives, and removes the others. */
    private void refresh(@Nullable Long period, @Nullable Long region) {
        List<SearchEntry> found = reports(period, region);
        Set<String> kept = new HashSet<>();
        found.forEach(entry -> kept.add(entry.sourceId()));
        jdbc.sql("""
                        select p.id || '-' || r.id from monitoring_period p cross join region r
                        where (cast(:period as bigint) is null or p.id = :period)
                          and (cast(:region as bigint) is null or r.id = :region)""").param("period", period).param("region", region).query(String.class).list().stream()
                .filter(key -> !kept.contains(key))
                .forEach(key -> index.remove(SOURCE, key));
        found.forEach(index::put);
    }

    private List<SearchEntry> reports(@Nullable Long period, @Nullable Long region) {
        return jdbc.sql(REPORTS)
                .param("period", period)
                .param("region", region)
                .query((rs, n) -> entry(rs))
                .list();
    }

    private static SearchEntry entry(ResultSet rs) throws SQLException {
        long period = rs.getLong("period_id");
        long region = rs.getLong("region_id");
        int year = rs.getInt("year");
        Integer half = rs.getObject("half", Integer.class);
        String body = rs.getString("body");
        return new SearchEntry(
                SOURCE,
                period + "-" + region,
                SOURCE,
                region,
                year,
                "Sprawozdanie z monitoringu: " + rs.getString("name_pl") + ", "
                        + (half == null ? "rok " + year : half + ". półrocze " + year),
                body == null ? "" : body,
                "/monitoring/sprawozdania/" + period + "/" + rs.getString("slug"),
                audience(region));
    }

    /** Who may open one region's reports ({@link MonitoringPermissions#canReadRegion}). */
    static Set<String> audience(long region) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(SearchAudience.role(Role.EDITOR));
        tokens.add(SearchAudience.role(Role.ADMINISTRATOR));
        tokens.add(SearchAudience.role(Role.CENTRAL_INSTITUTION));
        tokens.addAll(SearchAudience.role(Role.REGIONAL_COORDINATOR, region));
        tokens.addAll(SearchAudience.role(Role.COMMITTEE_MEMBER, region));
        return tokens;
    }
}
