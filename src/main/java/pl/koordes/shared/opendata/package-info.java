/**
 * The extension point through which modules contribute public data to the open-data API: each module
 * that has a public collection implements {@link pl.koordes.shared.opendata.PublicDataset} in its
 * {@code internal} package, reading its own tables; the {@code opendata} module serves every such bean
 * under {@code /api/v1/<name>} (JSON and CSV) and lists it in the DCAT catalogue. No module reads
 * another's tables for it.
 */
@NullMarked
package pl.koordes.shared.opendata;

import org.jspecify.annotations.NullMarked;
