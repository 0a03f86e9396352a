package pl.koordes.knowledge.internal.discussions;

/** The three kinds of discussion space. */
public enum SpaceKind {
    /** The coordinators' network: every region's coordinators; editors and administrators moderate. */
    NETWORK,
    /** One region's committee: its members and the region's coordinators; administrators help moderate. */
    COMMITTEE,
    /** A thematic group an editor opens: chosen roles and named members, editors and administrators. */
    GROUP
}
