/**
 * The read-only open-data API under {@code /api/v1}: every {@link pl.koordes.shared.opendata.PublicDataset}
 * that a module contributes, as JSON pages with links and as CSV, with validators and caching headers,
 * an OpenAPI description and a DCAT-AP catalogue. Reads no module's tables: the data comes from the
 * datasets, the region filter from the directory's published API. Depends on: shared, directory.
 */
@ApplicationModule(
        displayName = "opendata",
        allowedDependencies = {"shared", "directory"})
@NullMarked
package pl.koordes.opendata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
