package pl.koordes.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application's own HTML pages are compressed ({@link PageCompression}).
 *
 * @param level the gzip level, 1 (fastest) to 9 (smallest); 0 leaves pages to the connector's compression
 *        ({@code server.compression}, always the JDK's default level 6). Level 6 costs about 1 ms of CPU for the
 *        25 KB home page, level 1 a fifth of that for an answer about a tenth larger: pages are rendered per
 *        person, so they are compressed per request, and a proxy in front may compress harder what it keeps.
 * @param minSize answers declared shorter than this many bytes are not compressed (as
 *        {@code server.compression.min-response-size})
 */
@ConfigurationProperties("koordes.web.compression")
public record PageCompressionProperties(
        @DefaultValue("1") int level, @DefaultValue("1024") int minSize) {

    public PageCompressionProperties {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException(
                    "koordes.web.compression.level must be between 0 and 9 (0: the connector's own), not " + level);
        }
    }
}
