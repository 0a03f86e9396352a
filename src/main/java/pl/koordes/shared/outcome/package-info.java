/**
 * How a module operation answers: its result on success, {@link pl.koordes.shared.outcome.Refused}
 * when it declines for a reason the person can act on, {@link pl.koordes.shared.outcome.NotFound}
 * when the thing is not there for this person. HTTP statuses are chosen only in {@code web} packages.
 */
@NullMarked
package pl.koordes.shared.outcome;

import org.jspecify.annotations.NullMarked;
