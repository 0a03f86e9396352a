/**
 * Needs surveys: builder, audiences, answers and results per region. Depends on: shared, directory, accounts.
 */
@ApplicationModule(
        displayName = "surveys",
        allowedDependencies = {"shared", "directory", "accounts"})
@NullMarked
package pl.koordes.surveys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
