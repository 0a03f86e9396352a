package pl.koordes.shared.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The plain-text part of a message, made from its HTML part so that both always say the same:
 * paragraphs and headings become blank-line separated blocks, list items start with "- ", and
 * links keep their address as "text (https://…)". Meant for the site's own mail templates.
 */
public final class MailText {

    /** Elements with a margin around them: a blank line before and after. */
    private static final Set<String> BLOCKS =
            Set.of("blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "table", "ul");
    /** Elements that start on a new line. */
    private static final Set<String> LINES = Set.of(
            "address", "article", "br", "center", "dd", "div", "dt", "footer", "header", "li", "main", "section", "tr");
    /** Table cells side by side. */
    private static final Set<String> CELLS = Set.of("td", "th");

    private static final Set<String> HIDDEN = Set.of("head", "script", "style", "template", "title");
    private static final Pattern HREF = Pattern.compile("(?i)\\shref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ALT = Pattern.compile("(?i)\\salt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash",
            "\u2014", "hellip", "\u2026");

    private MailText() {}

    public static String fromHtml(String html) {
        Writer out = new Writer();
        String hidden = null;
        String href = null;
        StringBuilder linkText = null;
        int i = 0;
        int n = html.length();
        while (i < n) {
            if (html.charAt(i) != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                if (hidden == null) {
                    String text = decode(html.substring(i, end));
                    out.text(text);
                    if (linkText != null) {
                        linkText.append(text);
                    }
                }
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int end = tagEnd(html, i);
            String tag = html.substring(i + 1, end);
            i = end + 1;
            boolean closing = tag.startsWith("/");
            String name = name(closing ? tag.substring(1) : tag);
            if (name.isEmpty()) {
                continue;
            }
            if (hidden != null) {
                if (closing && name.equals(hidden)) {
                    hidden = null;
                }
                continue;
            }
            if (!closing && HIDDEN.contains(name)) {
                hidden = name;
            } else if (name.equals("pre")) {
                out.breaks(2);
                out.preformatted = !closing;
            } else if (BLOCKS.contains(name)) {
                out.breaks(2);
            } else if (LINES.contains(name)) {
                out.breaks(1);
                if (!closing && name.equals("li")) {
                    out.text("- ");
                }
            } else if (CELLS.contains(name)) {
                out.text(" ");
            } else if (name.equals("a")) {
                if (!closing) {
                    href = attribute(HREF, tag);
                    linkText = new StringBuilder();
                } else if (href != null && linkText != null) {
                    String shown = linkText.toString().replaceAll("\\s+", " ").strip();
                    String address = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
                    if (isAbsolute(href) && !shown.equals(address) && !shown.equals(href)) {
                        out.text(shown.isEmpty() ? address : " (" + address + ")");
                    }
                    href = null;
                    linkText = null;
                }
            } else if (name.equals("img") && !closing) {
                String alt = attribute(ALT, tag);
                if (alt != null) {
                    out.text(alt);
                }
            }
        }
        return out.result();
    }

    /** The index of the '>' closing the tag that starts at {@code start}, skipping quoted attribute values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int j = start + 1; j < html.length(); j++) {
            char c = html.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return j;
            }
        }
        return html.length() - 1;
    }

    private static String name(String tag) {
        int j = 0;
        while (j < tag.length() && Character.isLetterOrDigit(tag.charAt(j))) {
            j++;
        }
        return tag.substring(0, j).toLowerCase(Locale.ROOT);
    }

    private static @Nullable String attribute(Pattern pattern, String tag) {
        Matcher m = pattern.matcher(tag);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return decode(value).strip();
    }

    private static boolean isAbsolute(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:");
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#")) {
                boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
                int code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
                replacement = Character.isValidCodePoint(code) ? Character.toString(code) : m.group();
            } else {
                replacement = NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Collects text the way a browser lays it out: runs of white space become one space, blocks start on new lines. */
    private static final class Writer {

        private final StringBuilder out = new StringBuilder();
        private int pendingBreaks;
        private boolean preformatted;

        void breaks(int count) {
            if (!out.isEmpty()) {
                pendingBreaks = Math.max(pendingBreaks, count);
            }
        }

        void text(String text) {
            String t = preformatted ? text : text.replaceAll("[ \\t\\r\\n\\f\\u00a0]+", " ");
            if (t.isEmpty()) {
                return;
            }
            if (pendingBreaks > 0) {
                if (!preformatted && t.isBlank()) {
                    return;
                }
                trimTrailingSpaces();
                out.append("\n".repeat(pendingBreaks));
                pendingBreaks = 0;
                if (!preformatted) {
                    t = t.stripLeading();
                }
            } else if (!preformatted
                    && (out.isEmpty() || out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\n')) {
                t = t.stripLeading();
            }
            out.append(t);
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String result() {
            String text = out.toString().replaceAll("(?m)[ \\t]+$", "").strip();
            return text.isEmpty() ? "" : text + "\n";
        }
    }
}
