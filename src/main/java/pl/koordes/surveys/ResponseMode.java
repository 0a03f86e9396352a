package pl.koordes.surveys;

/** Who answers once: each person, or each institution (the ROPS of a region, a central institution). */
public enum ResponseMode {
    PERSON,
    INSTITUTION
}
