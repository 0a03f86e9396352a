/**
 * Public comments under articles and their moderation, with spam defence. Depends on: shared, content (its API and the article page extension point).
 */
@ApplicationModule(
        displayName = "comments",
        allowedDependencies = {"shared", "content", "content :: article-page-section"})
@NullMarked
package pl.koordes.comments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
