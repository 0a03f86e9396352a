package pl.koordes.knowledge.internal.library;

import org.jspecify.annotations.Nullable;

/**
 * The list's filters, each optional.
 *
 * @param regionId one region's documents
 * @param national only national documents (no region); wins over {@code regionId}
 * @param query words in the title, description or tags
 */
public record LibraryFilter(
        @Nullable DocumentKind kind,
        @Nullable Long regionId,
        boolean national,
        @Nullable Integer year,
        @Nullable String tag,
        @Nullable String query) {

    public static final LibraryFilter NONE = new LibraryFilter(null, null, false, null, null, null);
}
