/**
 * The regions' postulates to central institutions: drafting, co-signing by other regions, forwarding, official answers and public accountability. Depends on: shared, directory, accounts, monitoring (the KPRES areas as tags), events (national meetings for the agenda, and the event page extension point), reports (its section of the programme report).
 */
@ApplicationModule(
        displayName = "postulates",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "monitoring",
            "events",
            "events :: event-page-section",
            "reports :: report-section"
        })
@NullMarked
package pl.koordes.postulates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
