package pl.koordes.shared.search;

import java.util.function.Consumer;

/**
 * A module's share of the search index, as an extension point every module that publishes something
 * implements: the write paths keep the entries current in their own transactions, and this hands over every
 * entry at once so that the start-up backfill can build the source from nothing (first start, demo data
 * loaded straight into tables, or a change to what the module indexes, signalled by {@link #version()}).
 */
public interface SearchSource {

    /** The name the module's entries carry as {@link SearchEntry#source()}. */
    String source();

    /** Raised when what the entries hold changes, so that every node's first start rebuilds them once. */
    default int version() {
        return 1;
    }

    /** Every entry the module has now; read in pages so that memory does not grow with the data. */
    void entries(Consumer<SearchEntry> sink);
}
