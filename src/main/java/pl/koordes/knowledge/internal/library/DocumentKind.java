package pl.koordes.knowledge.internal.library;

/** What a library document is; its label is {@code knowledge.library.kind.<name>}. */
public enum DocumentKind {
    GOOD_PRACTICE,
    TEMPLATE,
    LEGAL_ACT,
    REPORT,
    PRESENTATION,
    RECORDING;

    /** The message key of its name. */
    public String labelKey() {
        return "knowledge.library.kind." + name();
    }
}
