/**
 * Meetings, webinars and group advisory sessions with registration, seats, waiting lists and calendars. Depends on: shared, directory, accounts, reports (its report sections).
 */
@ApplicationModule(
        displayName = "events",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "reports :: report-section"
        })
@NullMarked
package pl.koordes.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
