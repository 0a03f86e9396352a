/**
 * Public comments under articles and public postulates and their moderation, with spam defence. Depends on: shared, accounts (role holders and the account of an address, for notices), content (its API and the article page extension point), postulates (its API and the postulate page extension point).
 */
@ApplicationModule(
        displayName = "comments",
        allowedDependencies = {
            "shared",
            "accounts",
            "content",
            "content :: article-page-section",
            "postulates",
            "postulates :: postulate-page-section"
        })
@NullMarked
package pl.koordes.comments;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
