/**
 * Operator reports, built from the other modules' published read models (the open-data API is the opendata module). Depends on: shared, directory.
 */
@ApplicationModule(
        displayName = "reports",
        allowedDependencies = {"shared", "directory"})
@NullMarked
package pl.koordes.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
