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
 * unknown), the counts, and the page (beside setting their planning); none of them reads more than {@link #CONSIDERED} matches.
 */
@Component
public class SearchIndex {

    /** Results per page. */
    public static final int PAGE_SIZE = 20;

    /** The body kept for searching and excerpts; longer texts are searched by their beginning. */
    static final int LONGEST_BODY = 20_000;

    /**
     * The most matches a search counts and ranks: when a query matches more, the newest this many are counted, ranked
     * and paged, and the page says there are more (docs/decisions/0010, "Speed").
     */
    public static final int CONSIDERED = 1_000;

    /** Up to this many matches are ranked by their whole text; more by their title, then the newest first. */
    static final int RANKED_BY_TEXT = 300;

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
        // The vocabulary has no unique key, so this insert never waits for another transaction: with one, a put would
        // wait for every uncommitted transaction that inserted one of its new terms, and two transactions putting
        // several entries with shared new words could wait on each other (a deadlock, seen in bench/search with two
        // writers). Two transactions adding the same new word at once leave it twice, which the misspelling lookup
        // groups away; terms already known are not inserted again.
        jdbc.sql("""
                        insert into search_lexeme (lexeme)
                        select distinct t from unnest(cast(:terms as text[])) t
                         where not exists (select 1 from search_lexeme l where l.lexeme = t)
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
        // Planned for this query's words, every time: the driver prepares a statement on the server after a few runs,
        // and PostgreSQL's generic plan for it cannot know how common the words are. It then sorted every match of a
        // common word (1.3 s in bench/search) where the plan for the words themselves reads the newest rows and stops.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
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
        // The matches considered, newest first, at most CONSIDERED (and one more, to know there are more). A query
        // matching most of the index reads the rows in this order from an index and stops early; a rarer one finds
        // its few matches in the vector's index and sorts them. Either way no statement reads every match.
        String newest = " from search_entry " + where + " order by updated_at desc, source, source_id";
        Map<String, Long> kinds = new LinkedHashMap<>();
        Map<Long, Long> regions = new LinkedHashMap<>();
        Map<Integer, Long> years = new LinkedHashMap<>();
        long[] total = {0, 0};
        filtered(
                        jdbc.sql("with m as materialized (select kind, region_id, year,"
                                + " row_number() over (order by updated_at desc, source, source_id) as place"
                                + newest + " limit :considered + 1)"
                                + " select kind, region_id, year, grouping(kind, region_id, year) as g,"
                                + " count(*) filter (where place <= :considered) as n, count(*) as seen from m"
                                + " group by grouping sets ((kind), (region_id), (year), ())"
                                + " order by n desc, kind, region_id, year desc"),
                        request,
                        audience,
                        tsquery,
                        now)
                .param("considered", CONSIDERED)
                .query(rs -> {
                    int grouping = rs.getInt("g");
                    long count = rs.getLong("n");
                    // grouping() sets a bit per column left out of the set, the first column highest: 3 = by kind,
                    // 5 = by region, 6 = by year, 7 = the total.
                    switch (grouping) {
                        case 7 -> {
                            total[0] = count;
                            total[1] = rs.getLong("seen");
                        }
                        case 3 -> {
                            if (count > 0) {
                                kinds.put(rs.getString("kind"), count);
                            }
                        }
                        case 5 -> {
                            long region = rs.getLong("region_id");
                            if (!rs.wasNull() && count > 0) {
                                regions.put(region, count);
                            }
                        }
                        case 6 -> {
                            int year = rs.getInt("year");
                            if (!rs.wasNull() && count > 0) {
                                years.put(year, count);
                            }
                        }
                        default -> {}
                    }
                });
        if (total[0] == 0) {
            return SearchResults.NONE;
        }
        // A few matches are ranked by their whole text; many by their title's terms alone (small, in the row), then
        // the newest first: ranking a thousand whole vectors would read and unpack each of them.
        String ranked = total[0] <= RANKED_BY_TEXT ? "e.vector" : "e.title_vector";
        List<SearchResults.Hit> hits = filtered(
                        jdbc.sql("with m as materialized (select source, source_id, updated_at" + newest
                                + " limit :considered),"
                                + " p as (select m.source, m.source_id, m.updated_at,"
                                + " ts_rank(" + ranked + ", cast(:query as tsquery)) as rank from m"
                                + " join search_entry e on e.source = m.source and e.source_id = m.source_id"
                                + " order by rank desc, m.updated_at desc, m.source, m.source_id"
                                + " limit :limit offset :offset)"
                                + " select e.source, e.source_id, e.kind, e.region_id, e.year, e.title, e.url, e.body"
                                + " from p join search_entry e on e.source = p.source and e.source_id = p.source_id"
                                + " order by p.rank desc, p.updated_at desc, p.source, p.source_id"),
                        request,
                        audience,
                        tsquery,
                        now)
                .param("considered", CONSIDERED)
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
        return new SearchResults(hits, total[0], total[1] > total[0], kinds, regions, years);
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
                            lateral (select lexeme from search_lexeme where lexeme % w group by lexeme
                                     order by min(lexeme <-> w), lexeme limit :most) as l
                        """).param("words", unknown).param("most", SUGGESTIONS).query(rs -> {
            suggested.computeIfAbsent(rs.getString(1), w -> new HashSet<>()).add(rs.getString(2));
        });
        suggested.replaceAll((word, terms) -> Collections.unmodifiableSet(terms));
        return suggested;
    }
}
