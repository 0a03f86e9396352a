package pl.koordes.advisory;

/** The operator's answer to hours recorded beyond a case's limit. */
public enum HoursConsent {
    PENDING,
    GRANTED,
    REFUSED
}
