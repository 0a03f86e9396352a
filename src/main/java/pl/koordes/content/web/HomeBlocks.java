package pl.koordes.content.web;

import gg.jte.Content;
import gg.jte.output.StringOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.content.internal.ArticleQueries;
import pl.koordes.content.internal.ArticleSummary;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.HomePageSection;
import pl.koordes.shared.web.PublicReads;

/**
 * The home page's public blocks (latest articles, motto, partners, what other modules add), the same for everyone
 * who reads the page in a language. Anonymous visitors get the whole page from the page cache; signed-in people, who
 * cannot, get these blocks kept under the same rules ({@link PublicReads}).
 */
@Component
class HomeBlocks {

    /** What the home page shows besides the map and the regions. */
    record Blocks(
            List<ArticleSummary> latest,
            SiteContent.@Nullable Quote motto,
            List<SiteContent.Partner> partners,
            List<Content> sections) {}

    private final ArticleQueries articles;
    private final SiteContent site;
    private final List<HomePageSection> sections;
    private final ContentProperties properties;
    private final Clock clock;
    private final PublicReads.Kept<Locale, Blocks> kept;

    HomeBlocks(
            ArticleQueries articles,
            SiteContent site,
            List<HomePageSection> sections,
            ContentProperties properties,
            Clock clock,
            PublicReads publicReads) {
        this.articles = articles;
        this.site = site;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HomePageSection::order))
                .toList();
        this.properties = properties;
        this.clock = clock;
        this.kept = publicReads.kept(16);
    }

    /** The blocks as read for this request: kept ones for signed-in people, fresh ones for the page cache. */
    Blocks of(Locale locale, boolean signedIn) {
        return signedIn ? kept.get(locale, () -> read(locale, true)) : read(locale, false);
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
