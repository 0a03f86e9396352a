package pl.koordes.shared.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks e-mail addresses before a message is queued, so that a typo fails the request, not the delivery. */
final class MailAddresses {

    private MailAddresses() {}

    /** One plain address ({@code name@example.org}); line breaks, lists and display names are refused. */
    static String requireValid(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("An e-mail address is required");
        }
        String trimmed = address.strip();
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            if (!parsed.getAddress().equals(trimmed) || parsed.isGroup()) {
                throw new IllegalArgumentException("Not a single plain e-mail address: " + trimmed);
            }
            return trimmed;
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not a valid e-mail address: " + trimmed, e);
        }
    }
}
