package pl.koordes.content.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import pl.koordes.content.internal.ArticleQueries;
import pl.koordes.content.internal.ArticleSummary;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.shared.web.SitemapEntries;

/**
 * The machine-readable faces of the portal: RSS 2.0 and Atom feeds of the latest articles, the sitemap (the
 * portal's pages and articles, and what every module's {@link SitemapEntries} gives) and robots.txt.
 */
@RestController
class FeedController {

    /** The sitemap protocol allows 50,000 addresses per file. */
    private static final int SITEMAP_LIMIT = 45_000;

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final ArticleQueries articles;
    private final SiteContent site;
    private final List<SitemapEntries> sitemapEntries;
    private final ContentProperties properties;
    private final Messages messages;
    private final PublicAddress address;

    FeedController(
            ArticleQueries articles,
            SiteContent site,
            List<SitemapEntries> sitemapEntries,
            ContentProperties properties,
            Messages messages,
            PublicAddress address) {
        this.articles = articles;
        this.site = site;
        this.sitemapEntries = sitemapEntries;
        this.properties = properties;
        this.messages = messages;
        this.address = address;
    }

    @PublicPage
    @GetMapping("/aktualnosci/rss.xml")
    ResponseEntity<String> rss() {
        String baseUrl = address.url();
        List<ArticleSummary> latest = articles.latest(properties.feedSize());
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel>
                """);
        xml.append("<title>")
                .append(xml(title()))
                .append("</title>\n")
                .append("<link>")
                .append(xml(baseUrl + "/aktualnosci"))
                .append("</link>\n")
                .append("<atom:link href=\"")
                .append(xml(baseUrl + "/aktualnosci/rss.xml"))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n")
                .append("<description>")
                .append(xml(messages.get(Locale.forLanguageTag("pl"), "content.articles.description")))
                .append("</description>\n<language>pl</language>\n");
        for (ArticleSummary article : latest) {
            String link = baseUrl + article.href();
            xml.append("<item>\n<title>")
                    .append(xml(article.title()))
                    .append("</title>\n")
                    .append("<link>")
                    .append(xml(link))
                    .append("</link>\n")
                    .append("<guid isPermaLink=\"false\">")
                    .append(xml(baseUrl + "/aktualnosci#" + article.id()))
                    .append("</guid>\n")
                    .append("<pubDate>")
                    .append(RFC_1123.format(article.publishedAt()))
                    .append("</pubDate>\n")
                    .append("<description>")
                    .append(xml(article.lead()))
                    .append("</description>\n");
            for (var tag : article.tags()) {
                xml.append("<category>").append(xml(tag.name())).append("</category>\n");
            }
            xml.append("</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return answer(RSS, xml);
    }

    @PublicPage
    @GetMapping("/aktualnosci/atom.xml")
    ResponseEntity<String> atom() {
        String baseUrl = address.url();
        List<ArticleSummary> latest = articles.latest(properties.feedSize());
        // An entry is updated when its text last changed; the feed when its latest entry did.
        Map<Long, Instant> changed =
                articles.lastChanged(latest.stream().map(ArticleSummary::id).toList());
        Instant updated = latest.stream()
                .map(article -> changed.getOrDefault(article.id(), article.publishedAt()))
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pl">
                """);
        xml.append("<title>")
                .append(xml(title()))
                .append("</title>\n")
                .append("<id>")
                .append(xml(baseUrl + "/aktualnosci"))
                .append("</id>\n")
                .append("<link href=\"")
                .append(xml(baseUrl + "/aktualnosci"))
                .append("\"/>\n")
                .append("<link rel=\"self\" href=\"")
                .append(xml(baseUrl + "/aktualnosci/atom.xml"))
                .append("\"/>\n")
                .append("<updated>")
                .append(updated)
                .append("</updated>\n");
        for (ArticleSummary article : latest) {
            xml.append("<entry>\n<title>")
                    .append(xml(article.title()))
                    .append("</title>\n")
                    .append("<id>")
                    .append(xml(baseUrl + "/aktualnosci#" + article.id()))
                    .append("</id>\n")
                    .append("<link href=\"")
                    .append(xml(baseUrl + article.href()))
                    .append("\"/>\n")
                    .append("<published>")
                    .append(article.publishedAt())
                    .append("</published>\n")
                    .append("<updated>")
                    .append(changed.getOrDefault(article.id(), article.publishedAt()))
                    .append("</updated>\n")
                    .append("<author><name>")
                    .append(xml(article.authorName()))
                    .append("</name></author>\n")
                    .append("<summary>")
                    .append(xml(article.lead()))
                    .append("</summary>\n");
            for (var tag : article.tags()) {
                xml.append("<category term=\"")
                        .append(xml(tag.slug()))
                        .append("\" label=\"")
                        .append(xml(tag.name()))
                        .append("\"/>\n");
            }
            xml.append("</entry>\n");
        }
        xml.append("</feed>\n");
        return answer(ATOM, xml);
    }

    @PublicPage
    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (String path : List.of("/", "/aktualnosci", "/regiony", "/patronaty")) {
            url(xml, path, null);
        }
        site.pages().forEach(page -> url(xml, page.href(), page.updatedAt()));
        int left = SITEMAP_LIMIT - 4 - site.pages().size();
        List<ArticleQueries.SitemapEntry> listed = articles.sitemap(Math.max(left / 2, 0));
        listed.forEach(entry -> url(xml, "/aktualnosci/" + entry.slug(), entry.lastModified()));
        left -= listed.size();
        for (SitemapEntries module : sitemapEntries) {
            List<SitemapEntries.Entry> entries = module.entries(Math.max(left, 0));
            entries.stream().limit(Math.max(left, 0)).forEach(entry -> url(xml, entry.path(), entry.lastModified()));
            left -= entries.size();
        }
        xml.append("</urlset>\n");
        return answer(XML, xml);
    }

    /**
     * What crawlers may read: the public pages, not the working areas behind a sign-in (which would only
     * answer with the sign-in page) nor the forms; and where the sitemap is.
     */
    @PublicPage
    @GetMapping("/robots.txt")
    ResponseEntity<String> robots() {
        StringBuilder text = new StringBuilder("User-agent: *\n");
        for (String path : List.of(
                "/admin",
                "/redakcja",
                "/organizacja",
                "/koordynacja",
                "/konto",
                "/logowanie",
                "/wyloguj",
                "/rejestracja",
                "/zaproszenie",
                "/wydarzenia/zapis",
                "/wydarzenia/rezygnacja",
                "/actuator")) {
            text.append("Disallow: ").append(path).append('\n');
        }
        text.append("Allow: /\n\nSitemap: ").append(address.url("/sitemap.xml")).append('\n');
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(text.toString());
    }

    private void url(StringBuilder xml, String path, @Nullable Instant lastModified) {
        xml.append("<url><loc>").append(xml(address.url(path))).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>")
                    .append(lastModified.atOffset(ZoneOffset.UTC).toLocalDate())
                    .append("</lastmod>");
        }
        xml.append("</url>\n");
    }

    private String title() {
        return messages.get(Locale.forLanguageTag("pl"), "content.feed.title");
    }

    private ResponseEntity<String> answer(MediaType type, StringBuilder xml) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(xml.toString());
    }

    /** Text for XML 1.0: markup characters escaped, characters XML does not allow left out. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
