/**
 * Value types and web helpers every module may use: the page shell, languages and formats, the database start, error pages. No business logic.
 */
@ApplicationModule(displayName = "shared", type = ApplicationModule.Type.OPEN)
@NullMarked
package pl.koordes.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
