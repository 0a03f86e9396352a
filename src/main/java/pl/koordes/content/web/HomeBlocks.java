package pl.koordes.content.web;

import gg.jte.Content;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pl.koordes.content.internal.ArticleQueries;
import pl.koordes.content.internal.ArticleSummary;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.AnonymousPageCache;
import pl.koordes.shared.web.HomePageSection;
import pl.koordes.shared.web.PageCacheProperties;

/**
 * The home page's public blocks (latest articles, motto, partners, what other modules add), the same for everyone
 * who reads the page in a language. Anonymous visitors get the whole page from {@link AnonymousPageCache}; signed-in
 * people, who cannot, get these blocks kept under the same rules: read again after the page cache's time to live
 * ({@link PageCacheProperties#ttl()}, 5 s) and at once after a change made through this node (whenever that cache
 * forgets its pages). Without the page cache (switched off) nothing is kept.
 */
@Component
class HomeBlocks {

    /** What the home page shows besides the map and the regions. */
    record Blocks(
            List<ArticleSummary> latest,
            SiteContent.@Nullable Quote motto,
            List<SiteContent.Partner> partners,
            List<Content> sections) {}

    private record Kept(Blocks blocks, long readAt, long forgotten) {}

    private final ArticleQueries articles;
    private final SiteContent site;
    private final List<HomePageSection> sections;
    private final ContentProperties properties;
    private final Clock clock;
    private final @Nullable AnonymousPageCache pageCache;
    private final long ttlNanos;
    private final Map<Locale, Kept> kept = new ConcurrentHashMap<>();

    HomeBlocks(
            ArticleQueries articles,
            SiteContent site,
            List<HomePageSection> sections,
            ContentProperties properties,
            Clock clock,
            ObjectProvider<AnonymousPageCache> pageCache,
            PageCacheProperties pageCacheProperties) {
        this.articles = articles;
        this.site = site;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HomePageSection::order))
                .toList();
        this.properties = properties;
        this.clock = clock;
        this.pageCache = pageCache.getIfAvailable();
        this.ttlNanos = pageCacheProperties.ttl().toNanos();
    }

    /** The blocks as read for this request: kept ones for signed-in people, fresh ones for the page cache. */
    Blocks of(Locale locale, boolean signedIn) {
        AnonymousPageCache cache = pageCache;
        if (!signedIn || cache == null) {
            return read(locale, false);
        }
        long forgotten = cache.forgotten();
        Kept current = kept.get(locale);
        if (current != null && current.forgotten() == forgotten && System.nanoTime() - current.readAt() < ttlNanos) {
            return current.blocks();
        }
        long readAt = System.nanoTime();
        Blocks fresh = read(locale, true);
        kept.put(locale, new Kept(fresh, readAt, forgotten));
        return fresh;
    }

    private Blocks read(Locale locale, boolean toKeep) {
        List<Content> rendered = sections.stream()
                .map(s -> s.render(locale))
                .flatMap(Optional::stream)
                .map(section -> toKeep ? finished(section) : section)
                .toList();
        return new Blocks(
                articles.latest(properties.latestOnHome()),
                site.motto(LocalDate.now(clock.withZone(Formats.ZONE))).orElse(null),
                site.partners(),
                rendered);
    }

    /** A section rendered once, to be written as it is into every page that keeps it. */
    private static Content finished(Content section) {
        StringOutput output = new StringOutput();
        section.writeTo(output);
        String html = output.toString();
        return out -> out.writeContent(html);
    }
}
