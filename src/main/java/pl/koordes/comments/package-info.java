/**
 * Public comments under articles and their moderation, with spam defence. Depends on: shared, content.
 */
@ApplicationModule(displayName = "comments", allowedDependencies = {"shared", "content"})
@NullMarked
package pl.koordes.comments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
