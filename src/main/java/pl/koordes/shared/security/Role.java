package pl.koordes.shared.security;

/** What a person may do on the platform; several roles per person, some bound to one region. */
public enum Role {
    /** Anyone with a verified e-mail: registers for events, follows items. */
    PARTICIPANT(false),
    /** ROPS staff coordinating one region. */
    REGIONAL_COORDINATOR(true),
    /** A member of one region's committee (RKRES). */
    COMMITTEE_MEMBER(true),
    /** An adviser or trainer. */
    EXPERT(false),
    /** Ministry staff who answer postulates and read all monitoring. */
    CENTRAL_INSTITUTION(false),
    /** Operator staff who run content, events, surveys and moderation. */
    EDITOR(false),
    /** The operator's administrators: everything, people and roles. */
    ADMINISTRATOR(false);

    private final boolean regional;

    Role(boolean regional) {
        this.regional = regional;
    }

    /** Whether the role only makes sense bound to a region. */
    public boolean regional() {
        return regional;
    }

    /** The authority name Spring Security checks, e.g. ROLE_EDITOR. */
    public String authority() {
        return "ROLE_" + name();
    }
}
