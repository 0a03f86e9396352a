/**
 * The regions' postulates to central institutions: co-signing, forwarding, official answers. Depends on: shared, directory, accounts.
 */
@ApplicationModule(
        displayName = "postulates",
        allowedDependencies = {"shared", "directory", "accounts"})
@NullMarked
package pl.koordes.postulates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
