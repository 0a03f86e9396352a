package pl.koordes.shared.search;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds each source whose entries the index does not hold in the module's current version. It runs after
 * every demo loader (they write straight into tables, not through the write paths that index), once per
 * source and version however many nodes start together: the first node takes a lock the others wait on, and
 * they then find the version recorded.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
public class SearchBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);

    private final List<SearchSource> sources;
    private final SearchIndex index;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SearchBackfill(List<SearchSource> sources, SearchIndex index, JdbcClient jdbc, TransactionTemplate transactions) {
        this.sources = sources;
        this.index = index;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (SearchSource source : sources) {
            transactions.executeWithoutResult(status -> backfill(source));
        }
    }

    /**
     * Rebuilds every source from its module whatever version the index records: for rows changed beside the write
     * paths (a restore, a repair in SQL, a test's clean-up), which no audited change announced.
     */
    public void rebuildAll() {
        for (SearchSource source : sources) {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from search_source where source = :source")
                        .param("source", source.source())
                        .update();
                backfill(source);
            });
        }
    }

    /** Rebuilds the source when its recorded version differs; the number of entries it now has, or -1. */
    int backfill(SearchSource source) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('search_source'), hashtext(:source))) l")
                .param("source", source.source())
                .query(Integer.class)
                .single();
        Integer recorded = jdbc.sql("select version from search_source where source = :source")
                .param("source", source.source())
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (recorded != null && recorded == source.version()) {
            return -1;
        }
        jdbc.sql("delete from search_entry where source = :source")
                .param("source", source.source())
                .update();
        int[] count = {0};
        source.entries(entry -> {
            if (!entry.source().equals(source.source())) {
                throw new IllegalStateException(
                        "source " + source.source() + " handed over an entry of " + entry.source());
            }
            index.put(entry);
            count[0]++;
        });
        jdbc.sql("""
                        insert into search_source (source, version, entries, indexed_at) values (:source, :version, :entries, now())
                        on conflict (source) do update set version = excluded.version, entries = excluded.entries,
                            indexed_at = excluded.indexed_at
                        """)
                .param("source", source.source())
                .param("version", source.version())
                .param("entries", count[0])
                .update();
        log.info("Search index: {} entries of {} (version {})", count[0], source.source(), source.version());
        return count[0];
    }
}
