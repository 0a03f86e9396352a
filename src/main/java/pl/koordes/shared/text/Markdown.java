package pl.koordes.shared.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
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

    /**
     * The text a reader sees, without markup, blocks separated by line breaks: what search indexes and
     * excerpts, so that neither a link's address nor a markup character counts as a word.
     */
    public String toPlainText(String markdown) {
        Node document = parser.parse(markdown);
        StringBuilder text = new StringBuilder();
        plainBlocks(document, text);
        return text.toString().strip();
    }

    private static void plainBlocks(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof TableRow) {
                List<String> cells = new ArrayList<>();
                for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(text(cell));
                }
                text.append(String.join(" ", cells)).append('\n');
            } else if (node instanceof Paragraph || node instanceof Heading) {
                text.append(text(node)).append('\n');
            } else if (node instanceof org.commonmark.node.FencedCodeBlock code) {
                text.append(code.getLiteral()).append('\n');
            } else if (node instanceof org.commonmark.node.IndentedCodeBlock code) {
                text.append(code.getLiteral()).append('\n');
            } else {
                plainBlocks(node, text);
            }
        }
    }

    /**
     * Sanitised HTML of the Markdown text without the blocks in which {@code left} occurs: the paragraph,
     * the list item, the table row or the heading holding it. A list, quote or table body left empty goes
     * too, and so does a heading whose section had text and has none left, so that no heading stands over
     * nothing.
     */
    public String toHtmlLeavingOut(String markdown, Pattern left) {
        Node document = parser.parse(markdown);
        Set<Node> hadText = new HashSet<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading && sectionHasText(node)) {
                hadText.add(node);
            }
        }
        List<Node> doomed = new ArrayList<>();
        collect(document, left, doomed);
        doomed.forEach(Node::unlink);
        pruneEmpty(document);
        Node node = document.getLastChild();
        while (node != null) {
            Node previous = node.getPrevious();
            if (hadText.contains(node) && !sectionHasText(node)) {
                node.unlink();
            }
            node = previous;
        }
        return POLICY.sanitize(renderer.render(document));
    }

    private static void collect(Node parent, Pattern left, List<Node> doomed) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph || node instanceof Heading || node instanceof TableRow) {
                if (left.matcher(text(node)).find()) {
                    // A list item goes whole: its bullet would otherwise stand alone.
                    doomed.add(node.getParent() instanceof ListItem item ? item : node);
                }
            } else {
                collect(node, left, doomed);
            }
        }
    }

    /** The text of a block as a reader sees it, line breaks as spaces. */
    private static String text(Node block) {
        StringBuilder text = new StringBuilder();
        appendText(block, text);
        return text.toString();
    }

    private static void appendText(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(c.getLiteral());
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append(' ');
                default -> appendText(node, text);
            }
        }
    }

    private static void pruneEmpty(Node parent) {
        Node node = parent.getFirstChild();
        while (node != null) {
            Node next = node.getNext();
            pruneEmpty(node);
            boolean container = node instanceof ListBlock
                    || node instanceof ListItem
                    || node instanceof BlockQuote
                    || node instanceof TableBody;
            if (container && node.getFirstChild() == null) {
                node.unlink();
            }
            node = next;
        }
    }

    /** Whether anything but headings follows the heading before the next heading of its level or above. */
    private static boolean sectionHasText(Node heading) {
        int level = ((Heading) heading).getLevel();
        for (Node node = heading.getNext(); node != null; node = node.getNext()) {
            if (node instanceof Heading next) {
                if (next.getLevel() <= level) {
                    return false;
                }
            } else {
                return true;
            }
        }
        return false;
    }
}
