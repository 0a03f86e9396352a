package pl.koordes.directory.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.Region;
import pl.koordes.shared.web.SitemapEntries;

/** The public pages of the regions and macroregions, for the sitemap. */
@Component
class DirectorySitemap implements SitemapEntries {

    private final Directory directory;

    DirectorySitemap(Directory directory) {
        this.directory = directory;
    }

    @Override
    public List<Entry> entries(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (Region region : directory.regions()) {
            entries.add(new Entry(region.href(), null));
        }
        for (Macroregion macroregion : directory.macroregions()) {
            entries.add(new Entry(macroregion.href(), null));
        }
        return entries.subList(0, Math.min(limit, entries.size()));
    }
}
