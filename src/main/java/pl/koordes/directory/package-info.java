/**
 * Regions (voivodeships), macroregions, institutions and regional committees (RKRES) with members and terms; the public region pages and the map. Depends on: shared.
 */
@ApplicationModule(
        displayName = "directory",
        allowedDependencies = {"shared"})
@NullMarked
package pl.koordes.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
