package pl.koordes.shared.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds one item of a {@link PublicDataset}, field by field in the fields' order. A {@link PublicField.Type#URL}
 * value is the page's path on this site ({@code /regiony/malopolskie}); the API makes it absolute.
 */
public final class PublicItem {

    private final Map<String, @Nullable Object> values = new LinkedHashMap<>();

    private PublicItem() {}

    public static PublicItem start() {
        return new PublicItem();
    }

    public PublicItem put(String field, @Nullable Object value) {
        values.put(field, value);
        return this;
    }

    public Map<String, @Nullable Object> done() {
        return Collections.unmodifiableMap(values);
    }
}
