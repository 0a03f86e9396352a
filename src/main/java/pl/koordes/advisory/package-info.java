/**
 * Advisory requests from regions, expert assignment, sessions and their outcomes. Depends on: shared, directory, accounts.
 */
@ApplicationModule(
        displayName = "advisory",
        allowedDependencies = {"shared", "directory", "accounts"})
@NullMarked
package pl.koordes.advisory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
