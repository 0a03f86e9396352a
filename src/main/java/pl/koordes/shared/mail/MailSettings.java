package pl.koordes.shared.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How outgoing e-mail presents itself.
 *
 * @param from the sender, with an optional display name ({@code KoordES <no-reply@koordes.example>})
 * @param baseUrl the public address of the site, for links in messages ({@code https://koordes.example})
 */
@ConfigurationProperties("koordes.mail")
public record MailSettings(String from, String baseUrl) {

    public static final String DEFAULT_FROM = "KoordES <no-reply@koordes.example>";
    public static final String DEFAULT_BASE_URL = "http://localhost:8080";

    public MailSettings(@Nullable String from, @Nullable String baseUrl) {
        this.from = from == null || from.isBlank() ? DEFAULT_FROM : from.strip();
        this.baseUrl = withoutTrailingSlash(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip());
        // A wrong setting stops the start instead of failing every message later.
        fromAddress();
        URI uri = URI.create(this.baseUrl);
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("koordes.mail.base-url must be an absolute http(s) address: " + baseUrl);
        }
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

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
