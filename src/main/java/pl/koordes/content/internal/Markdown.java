package pl.koordes.content.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an editor's Markdown into HTML safe to show to anyone: raw HTML in the Markdown is escaped,
 * and the result passes an allow-list (no script, no event handler, no {@code javascript:} link, no
 * style) before it is stored. Headings start at level 2 because the article's title is the page's h1.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern SITE_IMAGE = Pattern.compile("^/media/\\d{1,18}$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "em",
                    "strong",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td",
                    "del")
            .allowElements((name, attributes) -> "h2", "h1")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,6}"))
            .onElements("ol")
            .allowAttributes("align")
            .matching(Pattern.compile("left|right|center"))
            .onElements("th", "td")
            .allowElements("a")
            .allowStandardUrlProtocols()
            .allowAttributes("href")
            .onElements("a")
            .allowAttributes("title")
            .onElements("a", "img")
            .requireRelsOnLinks("nofollow", "noopener")
            // Pictures come from this site only (uploaded images): no tracking pixels, and the CSP allows nothing else.
            .allowElements("img")
            .allowAttributes("src")
            .matching(SITE_IMAGE)
            .onElements("img")
            .allowAttributes("alt")
            .onElements("img")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();

    /** Sanitised HTML of the Markdown text. */
    public String toHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
