package pl.koordes.directory;

/**
 * Kinds of institutions the programme works with, and that the people who register for its events
 * come from: every participant finds their own (the last one catches the rest). The order is the
 * order of the choice in forms.
 */
public enum InstitutionKind {
    /** Regional social-policy centre: the region's social-economy coordinator. */
    ROPS,
    MARSHAL_OFFICE,
    /** Accredited social-economy support centre. */
    OWES,
    /** A social-economy entity with the status of a social enterprise (granted by the voivode). */
    SOCIAL_ENTERPRISE,
    /** Any other social-economy entity: a social cooperative, CIS, KIS, ZAZ, WTZ and the like. */
    SOCIAL_ECONOMY_ENTITY,
    /** A foundation, an association or another non-governmental organisation. */
    NGO,
    /** A municipality (gmina) or one of its units, such as the social-assistance centre. */
    MUNICIPALITY,
    /** A county (powiat) or one of its units, such as the family-support centre or the labour office. */
    COUNTY,
    /** A ministry or other central institution that answers the regions. */
    CENTRAL,
    PARTNER,
    OTHER
}
