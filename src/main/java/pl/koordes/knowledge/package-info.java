/**
 * Library of documents and links, discussion spaces, full-text search. Depends on: shared, directory, accounts.
 */
@ApplicationModule(
        displayName = "knowledge",
        allowedDependencies = {"shared", "directory", "accounts"})
@NullMarked
package pl.koordes.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
