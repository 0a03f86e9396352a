package pl.koordes.shared.web;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the whole site.
 *
 * @param demo whether invented demonstration data is loaded and the pages say so
 * @param baseUrl the public address of the site ({@code https://koordes.example.pl}, env {@code KOORDES_BASE_URL}),
 *        for every absolute link; empty means the development address {@code http://localhost:<port>} (see
 *        {@link PublicAddress}), and the prod profile refuses to start without it
 */
@ConfigurationProperties("koordes.site")
public record SiteProperties(boolean demo, @Nullable String baseUrl) {

    public SiteProperties {
        if (baseUrl != null) {
            String stripped = baseUrl.strip();
            while (stripped.endsWith("/")) {
                stripped = stripped.substring(0, stripped.length() - 1);
            }
            baseUrl = stripped.isEmpty() ? null : stripped;
        }
        if (baseUrl != null) {
            URI uri;
            try {
                uri = URI.create(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "koordes.site.base-url (KOORDES_BASE_URL) is not an address: " + baseUrl, e);
            }
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!uri.isAbsolute()
                    || !http
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "koordes.site.base-url (KOORDES_BASE_URL) must be an absolute http(s) address without query or"
                                + " fragment, such as https://koordes.example.pl: " + baseUrl);
            }
        }
    }
}
