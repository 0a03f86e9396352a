/**
 * The work of the regional committees (RKRES): meetings with invitations and answers, attendance and the
 * three-absences rule, numbered resolutions and opinions, minutes with every version, composition against
 * the bodies the Act names, and term-end reminders. Depends on: shared, directory (committees, members and
 * the region page), accounts, events (a public meeting is an event), monitoring (an opinion on a programme
 * draft).
 */
@ApplicationModule(
        displayName = "committees",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "events",
            "monitoring",
            "monitoring :: programme-opinions"
        })
@NullMarked
package pl.koordes.committees;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
