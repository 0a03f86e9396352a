/** The library: documents and links, who may read them, their search entries, demo data and personal data. */
@NullMarked
package pl.koordes.knowledge.internal.library;

import org.jspecify.annotations.NullMarked;
