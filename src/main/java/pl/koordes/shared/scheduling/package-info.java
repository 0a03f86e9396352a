/** Scheduled jobs that run once across all application nodes. */
@NullMarked
package pl.koordes.shared.scheduling;

import org.jspecify.annotations.NullMarked;
