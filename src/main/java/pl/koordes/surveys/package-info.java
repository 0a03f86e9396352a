/**
 * Needs surveys: builder, audiences, answers and results per region, and the needs recognised in them with the events and advice that answered them. Depends on: shared, directory, accounts, events (the event page shows the need it answers), reports (its section of the programme report).
 */
@ApplicationModule(
        displayName = "surveys",
        allowedDependencies = {
            "shared",
            "directory",
            "accounts",
            "events",
            "events :: event-page-section",
            "reports :: report-section"
        })
@NullMarked
package pl.koordes.surveys;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
