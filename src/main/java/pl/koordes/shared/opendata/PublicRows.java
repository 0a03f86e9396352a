package pl.koordes.shared.opendata;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of a {@link PublicDataset}: its items (field name to value, in the fields' order) and how
 * many items all pages hold.
 */
public record PublicRows(List<Map<String, @Nullable Object>> items, long total) {

    public PublicRows {
        items = List.copyOf(items);
    }
}
