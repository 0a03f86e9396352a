package pl.koordes.shared.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Extension point of the sitemap ({@code /sitemap.xml}): a module with public pages worth listing (region
 * pages, events) registers a bean of this type, and the portal lists what every bean gives without
 * knowing the modules.
 */
public interface SitemapEntries {

    /** Public addresses of the module's pages, at most {@code limit} of them. */
    List<Entry> entries(int limit);

    /**
     * One address of the sitemap.
     *
     * @param path the site-relative address ({@code /regiony/malopolskie})
     * @param lastModified when the page last changed, if known
     */
    record Entry(String path, @Nullable Instant lastModified) {}
}
