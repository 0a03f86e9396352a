package pl.koordes.directory;

/** Kinds of institutions the programme works with. */
public enum InstitutionKind {
    /** Regional social-policy centre: the region's social-economy coordinator. */
    ROPS,
    MARSHAL_OFFICE,
    /** Accredited social-economy support centre. */
    OWES,
    /** A ministry or other central institution that answers the regions. */
    CENTRAL,
    PARTNER
}
