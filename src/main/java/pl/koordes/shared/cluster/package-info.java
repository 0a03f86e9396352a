/**
 * What several application nodes on one PostgreSQL need to stay correct together: listeners that run at most
 * once per event however often a publication is resubmitted ({@link pl.koordes.shared.cluster.OnceOnly}), the
 * job that resubmits event publications left unfinished by a crashed or stuck node
 * ({@link pl.koordes.shared.cluster.EventPublicationRecovery}), change notices that tell every node to drop
 * what it keeps in memory ({@link pl.koordes.shared.cluster.ClusterChanges}), and reads kept per node under those
 * notices ({@link pl.koordes.shared.cluster.KeptReads}). See docs/operations.md, "Several nodes".
 */
@NullMarked
package pl.koordes.shared.cluster;

import org.jspecify.annotations.NullMarked;
