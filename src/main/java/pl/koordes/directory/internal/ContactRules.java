package pl.koordes.directory.internal;

/**
 * What a contact detail must look like, for every form of the directory that takes one. Each pattern
 * also accepts an empty field, which is no value: forms bind an empty field as empty text.
 */
final class ContactRules {

    static final String POSTAL_CODE = "([0-9]{2}-[0-9]{3})?";
    /** Something@something.domain: what Bean Validation's own e-mail check lets through without a dot is refused too. */
    static final String EMAIL = "([^@\\s]+@[^@\\s]+\\.[^@\\s]+)?";

    static final String PHONE = "[0-9+()./ -]*";
    /** An http or https address with a host name: the region page links to it, so nothing else (javascript:) passes. */
    static final String WEB_ADDRESS =
            "((?i)https?://[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*(:[0-9]{1,5})?([/?#]\\S*)?)?";

    private ContactRules() {}
}
