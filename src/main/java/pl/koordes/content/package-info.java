/**
 * Public portal: articles, pages, motto quotes, patrons and partners, feeds. Depends on: shared, directory.
 */
@ApplicationModule(
        displayName = "content",
        allowedDependencies = {"shared", "directory"})
@NullMarked
package pl.koordes.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
