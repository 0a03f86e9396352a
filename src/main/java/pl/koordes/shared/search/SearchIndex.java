package pl.koordes.shared.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one search index: modules put and remove their entries in the transaction that changes them (so a
 * change is searchable the moment it is committed, on every node), and the search page asks it. Each search
 * is at most three statements whatever the number of results: the misspelling lookup (only when a word is
 * unknown), the counts, and the page.
 */
@Component
public class SearchIndex {

    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    /** The body kept for searching and excerpts; longer texts are searched by their beginning. */
    static final int LONGEST_BODY = 20_000;

    /** How many known terms stand in for a word the dictionary does not know. */
    private static final int SUGGESTIONS = 3;

    private static final int EXCERPT_WIDTH = 240;

    private final JdbcClient jdbc;
    private final Clock clock;

    public SearchIndex(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds the entry, or replaces it when the source already put one under its id. */
    @Transactional
    public void put(SearchEntry entry) {
        String body = entry.body().length() > LONGEST_BODY ? entry.body().substring(0, LONGEST_BODY) : entry.body();
        SearchVector vector = SearchVector.of(entry.title(), body);
        jdbc.sql("""
                        insert into search_entry (source, source_id, kind, region_id, year, title, body, url, audience,
                                                  vector, updated_at, visible_from)
                        values (:source, :sourceId, :kind, :region, :year, :title, :body, :url, cast(:audience as text[]),
                                cast(:vector as tsvector), now(), :visibleFrom)
                        on conflict (source, source_id) do update set kind = excluded.kind,
                            region_id = excluded.region_id, year = excluded.year, title = excluded.title,
                            body = excluded.body, url = excluded.url, audience = excluded.audience,
                            vector = excluded.vector, updated_at = excluded.updated_at,
                            visible_from = excluded.visible_from
                        """)
                .param("source", entry.source())
                .param("sourceId", entry.sourceId())
                .param("kind", entry.kind())
                .param("region", entry.regionId())
                .param("year", entry.year())
                .param("title", entry.title())
                .param("body", body)
                .param("url", entry.url())
                .param("audience", entry.audience().toArray(String[]::new))
                .param("vector", vector.literal())
                .param("visibleFrom", entry.visibleFrom() == null ? null : Timestamp.from(entry.visibleFrom()))
                .update();
        // Only the terms the vocabulary lacks are inserted, in order: inserting terms it already has would wait on
        // every transaction that inserted them before its commit, and two transactions putting several entries
        // could wait on each other (a deadlock, seen in bench/search with 2 writers). Once the vocabulary holds a
        // text's words, a put takes no lock on it at all.
        jdbc.sql("""
                        insert into search_lexeme (lexeme)
                        select t from unnest(cast(:terms as text[])) t
                         where not exists (select 1 from search_lexeme l where l.lexeme = t)
                         order by t
                        on conflict do nothing
                        """).param("terms", vector.terms().toArray(String[]::new)).update();
    }

    /** Removes the entry (a deleted or unpublished thing); nothing happens when there is none. */
    @Transactional
    public void remove(String source, String sourceId) {
        jdbc.sql("delete from search_entry where source = :source and source_id = :sourceId")
                .param("source", source)
                .param("sourceId", sourceId)
                .update();
    }

    /** The page of results the visitor may open, with the counts; {@link SearchResults#NONE} for an empty query. */
    @Transactional(readOnly = true)
    public SearchResults search(SearchRequest request, Set<String> audience) {
        SearchQuery query = request.query();
        if (query.empty()) {
            return SearchResults.NONE;
        }
        Map<String, Set<String>> suggested = suggestions(query);
        String tsquery = query.tsquery(
                word -> suggested.getOrDefault(word.terms().iterator().next(), Set.of()));
        Timestamp now = Timestamp.from(clock.instant());
        Set<String> matched = new HashSet<>();
        query.words().forEach(word -> matched.addAll(word.terms()));
        suggested.values().forEach(matched::addAll);

        String where = """
                where audience && cast(:audience as text[]) and vector @@ cast(:query as tsquery)
                  and (visible_from is null or visible_from <= :now)
                  and (cast(:kind as text) is null or kind = :kind)
                  and (cast(:region as bigint) is null or region_id = :region)
                  and (cast(:year as int) is null or year = :year)
                """;
        Map<String, Long> kinds = new LinkedHashMap<>();
        Map<Long, Long> regions = new LinkedHashMap<>();
        Map<Integer, Long> years = new LinkedHashMap<>();
        long[] total = {0};
        filtered(
                        jdbc.sql("select kind, region_id, year, grouping(kind, region_id, year) as g, count(*) as n"
                                + " from search_entry " + where
                                + " group by grouping sets ((kind), (region_id), (year), ())"
                                + " order by n desc, kind, region_id, year desc"),
                        request,
                        audience,
                        tsquery,
                        now)
                .query(rs -> {
                    int grouping = rs.getInt("g");
                    long count = rs.getLong("n");
                    // grouping() sets a bit per column left out of the set, the first column highest: 3 = by kind,
                    // 5 = by region, 6 = by year, 7 = the total.
                    switch (grouping) {
                        case 7 -> total[0] = count;
                        case 3 -> kinds.put(rs.getString("kind"), count);
                        case 5 -> {
                            long region = rs.getLong("region_id");
                            if (!rs.wasNull()) {
                                regions.put(region, count);
                            }
                        }
                        case 6 -> {
                            int year = rs.getInt("year");
                            if (!rs.wasNull()) {
                                years.put(year, count);
                            }
                        }
                        default -> {}
                    }
                });
        if (total[0] == 0) {
            return SearchResults.NONE;
        }
        List<SearchResults.Hit> hits = filtered(
                        jdbc.sql("select source, source_id, kind, region_id, year, title, url, body"
                                + " from search_entry " + where
                                + " order by ts_rank(vector, cast(:query as tsquery)) desc, updated_at desc,"
                                + " source, source_id limit :limit offset :offset"),
                        request,
                        audience,
                        tsquery,
                        now)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) (request.page() - 1) * PAGE_SIZE)
                .query((rs, n) -> new SearchResults.Hit(
                        rs.getString("source"),
                        rs.getString("source_id"),
                        rs.getString("kind"),
                        rs.getObject("region_id", Long.class),
                        rs.getObject("year", Integer.class),
                        rs.getString("title"),
                        rs.getString("url"),
                        SearchExcerpt.of(rs.getString("body"), matched, EXCERPT_WIDTH)))
                .list();
        return new SearchResults(hits, total[0], kinds, regions, years);
    }

    /** The statement with the visitor's audience, the query and the chosen filters bound. */
    private static JdbcClient.StatementSpec filtered(
            JdbcClient.StatementSpec statement,
            SearchRequest request,
            Set<String> audience,
            String tsquery,
            Timestamp now) {
        return statement
                .param("audience", audience.toArray(String[]::new))
                .param("query", tsquery)
                .param("kind", request.kind())
                .param("region", request.regionId())
                .param("year", request.year())
                .param("now", now);
    }

    /**
     * For each word the dictionary does not know (a misspelling, a word typed without Polish letters), the
     * nearest terms of the index's vocabulary by trigram similarity; keyed by the word's own term.
     */
    private Map<String, Set<String>> suggestions(SearchQuery query) {
        String[] unknown = query.words().stream()
                .filter(word -> !word.known())
                .map(word -> word.terms().iterator().next())
                .distinct()
                .toArray(String[]::new);
        if (unknown.length == 0) {
            return Map.of();
        }
        Map<String, Set<String>> suggested = new HashMap<>();
        jdbc.sql("""
                        select w, l.lexeme from unnest(cast(:words as text[])) as w,
                            lateral (select lexeme from search_lexeme where lexeme % w
                                     order by lexeme <-> w, lexeme limit :most) as l
                        """).param("words", unknown).param("most", SUGGESTIONS).query(rs -> {
            suggested.computeIfAbsent(rs.getString(1), w -> new HashSet<>()).add(rs.getString(2));
        });
        suggested.replaceAll((word, terms) -> Collections.unmodifiableSet(terms));
        return suggested;
    }
}
