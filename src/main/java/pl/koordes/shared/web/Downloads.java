package pl.koordes.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of a file made for one person (an event's participants, the audit log), for every module alike. */
public final class Downloads {

    private Downloads() {}

    /**
     * Sets the response up for a file to download: saved under {@code name} (any characters, encoded
     * as RFC 6266 says), never cached, since it holds personal data.
     */
    public static void attachment(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
