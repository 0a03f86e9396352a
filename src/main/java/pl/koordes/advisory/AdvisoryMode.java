package pl.koordes.advisory;

/** Where advice is given: in person or online. */
public enum AdvisoryMode {
    IN_PERSON,
    ONLINE
}
