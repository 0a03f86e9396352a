/**
 * Advisory requests from regions, expert assignment, sessions and their outcomes. Depends on: shared, directory (and the region page, which shows the advice in numbers), accounts, surveys (a request answers a need), events (a group session is an event; the event page names it).
 */
@ApplicationModule(
        displayName = "advisory",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "surveys",
            "events",
            "events :: event-page-section",
            "reports :: report-section"
        })
@NullMarked
package pl.koordes.advisory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
