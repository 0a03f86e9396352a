/**
 * Meetings, webinars and group advisory sessions with registration, seats, waiting lists and calendars. Depends on: shared, directory, accounts.
 */
@ApplicationModule(
        displayName = "events",
        allowedDependencies = {"shared", "directory", "directory :: region-page-section", "accounts"})
@NullMarked
package pl.koordes.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
