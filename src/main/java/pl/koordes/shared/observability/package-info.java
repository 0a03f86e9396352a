/**
 * Seeing the application run: who may scrape its metrics (a token of its own, besides administrators), the
 * application's own gauges of the database-kept queues, and the request id carried through logs, mail and
 * listeners (docs/operations.md, "Metrics" and "Logs").
 */
@NullMarked
package pl.koordes.shared.observability;

import org.jspecify.annotations.NullMarked;
