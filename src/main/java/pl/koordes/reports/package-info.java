/**
 * Operator reports and the read-only open data API, built from the other modules' published read models. Depends on: shared, directory.
 */
@ApplicationModule(
        displayName = "reports",
        allowedDependencies = {"shared", "directory"})
@NullMarked
package pl.koordes.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
