package pl.koordes.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The one public address of the site, for every absolute link: e-mails, feeds, the sitemap,
 * canonical and OpenGraph tags, calendar files, the first administrator's set-up link.
 *
 * <ul>
 *   <li>{@code koordes.site.base-url} ({@code KOORDES_BASE_URL}) wins when set;
 *   <li>the prod profile refuses to start without it ({@link Missing}, explained by
 *       {@link PublicAddressFailureAnalyzer}): a guessed address would break every link sent out;
 *   <li>otherwise (development, tests) it is {@code http://localhost:<port>} with the port the web
 *       server really listens on, known once it has started (a random port included).
 * </ul>
 */
@Component
public class PublicAddress {

    /** The profile that requires a configured address. */
    static final String PRODUCTION_PROFILE = "prod";

    private final @Nullable String configured;
    private final int configuredPort;
    private volatile int actualPort;

    public PublicAddress(SiteProperties site, Environment environment) {
        this.configured = site.baseUrl();
        if (configured == null && environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILE))) {
            throw new Missing();
        }
        this.configuredPort = environment.getProperty("server.port", Integer.class, 8080);
    }

    /** Learns the port of the application's own web server (not a separate management server). */
    @EventListener
    void on(WebServerInitializedEvent event) {
        WebServerApplicationContext context = event.getApplicationContext();
        if (context.getServerNamespace() == null) {
            actualPort = event.getWebServer().getPort();
        }
    }

    /** The site's address without a trailing slash ({@code https://koordes.example.pl}). */
    public String url() {
        if (configured != null) {
            return configured;
        }
        int port = actualPort > 0 ? actualPort : configuredPort > 0 ? configuredPort : 8080;
        return "http://localhost:" + port;
    }

    /** An absolute link to {@code path} ({@code /aktualnosci} → {@code https://koordes.example.pl/aktualnosci}). */
    public String url(String path) {
        return url() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Whether the address was configured rather than derived from the port. */
    public boolean configured() {
        return configured != null;
    }

    /** The prod profile started without {@code koordes.site.base-url}. */
    public static final class Missing extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Missing() {
            super("The public address of the site is not set: set KOORDES_BASE_URL (koordes.site.base-url) to the"
                    + " address people open, such as https://koordes.example.pl; the prod profile does not guess it");
        }
    }
}
