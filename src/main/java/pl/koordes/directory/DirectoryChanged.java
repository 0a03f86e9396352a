package pl.koordes.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something in the directory was created, changed, ended or deleted by an administrator; published in
 * the transaction of the change so that the audit log records it with the values before and after.
 *
 * @param action what happened, e.g. {@code DIRECTORY_REGION_UPDATED}
 * @param targetType the kind of record changed, e.g. {@code region}
 * @param targetId the record's id
 * @param before the record's values before the change, or null when it was created
 * @param after the record's values after the change, or null when it was deleted
 */
public record DirectoryChanged(String action, String targetType, String targetId,
        @Nullable Map<String, @Nullable Object> before, @Nullable Map<String, @Nullable Object> after) {

    public DirectoryChanged {
        // Values may be null (an unknown e-mail), which Map.copyOf refuses.
        before = before == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = after == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
