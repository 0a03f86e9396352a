package pl.koordes.surveys.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.surveys.internal.ResultsQueries.Comparison;
import pl.koordes.surveys.internal.ResultsQueries.Grouping;
import pl.koordes.surveys.internal.ResultsQueries.Results;

/**
 * The aggregated results of the surveys last looked at, by survey, filter and the version of its submitted answers
 * ({@link ResultsQueries#version}: one cheap statement). Aggregating 10,000 answers of 30 questions takes PostgreSQL
 * longer than a page may; the counts change only when an answer is submitted, changed or removed, or the survey's
 * structure changes, and each of those changes the version, so an entry is never stale: a new version is a new key
 * and the old entry simply ages out. Kept in this node's memory only (the least recently used of
 * {@value #ENTRIES} entries goes first); every node computes its own.
 */
@Component
public class ResultsCache {

    static final int ENTRIES = 256;

    private final ResultsQueries queries;

    @SuppressWarnings("serial") // never serialised
    private final Map<Key, Object> entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > ENTRIES;
        }
    });

    ResultsCache(ResultsQueries queries) {
        this.queries = queries;
    }

    private record Key(
            long survey,
            String version,
            ResultsFilter filter,
            @Nullable Grouping grouping) {}

    /** The results of the survey at this version of its answers and structure. */
    public Results results(Survey survey, String version, ResultsFilter filter) {
        return cached(
                new Key(survey.id(), version + ":" + survey.rowVersion(), filter, null),
                Results.class,
                () -> queries.results(survey.id(), filter));
    }

    /** The comparison by region or kind at this version of the answers and structure. */
    public Comparison comparison(Survey survey, String version, ResultsFilter filter, Grouping grouping) {
        return cached(
                new Key(survey.id(), version + ":" + survey.rowVersion(), filter, grouping),
                Comparison.class,
                () -> queries.comparison(survey.id(), filter, grouping));
    }

    private <T> T cached(Key key, Class<T> type, Supplier<T> compute) {
        Object found = entries.get(key);
        if (type.isInstance(found)) {
            return type.cast(found);
        }
        // Computed outside the map's lock: two requests may both compute a new version, and that is harmless.
        T value = compute.get();
        entries.put(key, value);
        return value;
    }
}
