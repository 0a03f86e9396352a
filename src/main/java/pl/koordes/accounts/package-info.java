/**
 * People, roles with region scopes, signing in, security settings, audit and privacy. Depends on: shared, directory.
 */
@ApplicationModule(
        displayName = "accounts",
        allowedDependencies = {"shared", "directory"})
@NullMarked
package pl.koordes.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
