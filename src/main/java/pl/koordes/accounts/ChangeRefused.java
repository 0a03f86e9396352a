package pl.koordes.accounts;

/**
 * A change the administration panel refuses for a reason the person can act on; nothing was saved.
 *
 * @see PeopleManagement
 */
public class ChangeRefused extends RuntimeException {

    private final String field;
    private final String key;

    /**
     * @param field the form field the reason belongs beside, or null when it concerns the whole request
     * @param key the message key saying why
     */
    public ChangeRefused(String field, String key) {
        super(key, null, false, false);
        this.field = field;
        this.key = key;
    }

    /** The form field the reason belongs beside, or null. */
    public String field() {
        return field;
    }

    public String key() {
        return key;
    }
}
