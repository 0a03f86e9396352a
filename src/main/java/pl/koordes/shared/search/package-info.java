/**
 * Full-text search in PostgreSQL that understands Polish: every module puts what it publishes into one index
 * ({@link pl.koordes.shared.search.SearchIndex}) with the audience allowed to open it, and the search page
 * asks it. Lemmas are computed in Java (Morfologik), stored as a {@code tsvector} with a GIN index; missing
 * Polish letters are folded on both sides; misspellings are matched against the index's own vocabulary with
 * {@code pg_trgm}. Nothing to install and the same on one node or many (docs/decisions/0010).
 */
@NullMarked
package pl.koordes.shared.search;

import org.jspecify.annotations.NullMarked;
