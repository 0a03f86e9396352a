/**
 * What the regions learned, kept and discussed: the library of documents and links (with what they came
 * from: an event, an advisory case, a postulate, a programme) and the discussion spaces of the
 * coordinators' network, each regional committee and thematic groups. Both put what they hold into the
 * platform's search index ({@code shared.search}). Depends on: shared, directory, accounts, and the modules
 * whose things a document may come from (events, advisory, postulates, monitoring).
 */
@ApplicationModule(
        displayName = "knowledge",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "events",
            "events :: event-page-section",
            "advisory",
            "postulates",
            "monitoring"
        })
@NullMarked
package pl.koordes.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
