/**
 * The regions' postulates to central institutions: drafting, co-signing by other regions, forwarding, official answers and public accountability. Depends on: shared, directory, accounts, monitoring (the KPRES areas as tags).
 */
@ApplicationModule(
        displayName = "postulates",
        allowedDependencies = {"shared", "directory", "directory :: region-page-section", "accounts", "monitoring"})
@NullMarked
package pl.koordes.postulates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
