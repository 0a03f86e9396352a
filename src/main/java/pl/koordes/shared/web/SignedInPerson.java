package pl.koordes.shared.web;

/** What the page shell shows of the person signed in; implemented by the accounts module's principal. */
public interface SignedInPerson {

    String displayName();

    /** Whether the header offers the administration panel. */
    boolean administrator();
}
