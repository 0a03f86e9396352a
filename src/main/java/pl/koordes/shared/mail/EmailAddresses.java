package pl.koordes.shared.mail;

/**
 * The one rule for e-mail addresses people type (invitations, registration, profile changes,
 * password reset, event registrations, commenters' addresses): what passes here is also accepted by the
 * mailer, so a typed address never fails later, at sending time.
 */
public final class EmailAddresses {

    /** The longest address the database and SMTP accept. */
    public static final int MAX_LENGTH = 254;

    /**
     * An address mail servers and people both read the same way: ASCII letters, digits and the usual
     * symbols before the @, a domain of labels with at least one dot (IDN domains in their xn-- form).
     * Stricter than RFC 5321 on purpose.
     */
    public static final String PLAIN_ADDRESS =
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";

    private EmailAddresses() {}

    /** Whether {@code address} (already stripped of surrounding spaces) is one plain, acceptable address. */
    public static boolean valid(String address) {
        return address != null
                && !address.isEmpty()
                && address.length() <= MAX_LENGTH
                && address.matches(PLAIN_ADDRESS);
    }
}
