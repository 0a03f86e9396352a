package pl.koordes.directory;

/**
 * The kinds of bodies a regional committee's members are appointed from (Act of 5 August 2022 on social
 * economy, art. 56): the committee page shows which are represented and which are missing. The names are
 * what {@code committee_membership.body_kind} stores.
 */
public enum BodyKind {
    MARSHAL_OFFICE,
    VOIVODE,
    LOCAL_GOVERNMENT,
    SOCIAL_ECONOMY_ENTITY,
    PUBLIC_BENEFIT_COUNCIL,
    COOPERATIVE_UNION,
    RESEARCH,
    TRADE_UNION,
    EMPLOYERS,
    /** Someone the Act does not name (an invited expert); never counts as covering a kind. */
    OTHER;

    /** Whether the Act names this kind, so that a committee is expected to have it. */
    public boolean named() {
        return this != OTHER;
    }
}
