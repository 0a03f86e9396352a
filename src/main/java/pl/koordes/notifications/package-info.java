/**
 * Reliable e-mail, in-app notices and digests, fed by other modules' events. Depends on: shared, accounts.
 */
@ApplicationModule(displayName = "notifications", allowedDependencies = {"shared", "accounts"})
@NullMarked
package pl.koordes.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
