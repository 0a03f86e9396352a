package pl.koordes.shared.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How outgoing e-mail presents itself.
 *
 * @param from the sender, with an optional display name ({@code KoordES <no-reply@koordes.example>})
 */
@ConfigurationProperties("koordes.mail")
public record MailSettings(String from) {

    public static final String DEFAULT_FROM = "KoordES <no-reply@koordes.example>";

    public MailSettings(@Nullable String from) {
        this.from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
        // A wrong setting stops the start instead of failing every message later.
        fromAddress();
    }

    /** The parsed sender address. */
    public InternetAddress fromAddress() {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("koordes.mail.from is not a valid address: " + from, e);
        }
    }
}
