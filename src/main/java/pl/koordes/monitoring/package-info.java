/**
 * The national programme (KPRES) and the 16 regional programmes: indicators, targets, reported values, coherence. Depends on: shared, directory, accounts, reports (its section of the programme report).
 */
@ApplicationModule(
        displayName = "monitoring",
        allowedDependencies = {
            "shared",
            "directory",
            "directory :: region-page-section",
            "accounts",
            "reports :: report-section"
        })
@NullMarked
package pl.koordes.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
