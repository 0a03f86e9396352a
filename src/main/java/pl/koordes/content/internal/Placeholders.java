package pl.koordes.content.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import pl.koordes.shared.text.Markdown;

/**
 * The places of a page still marked for the operator to fill in ({@code [DO UZUPEŁNIENIA: …]}, in English
 * {@code [TO BE COMPLETED: …]}), as the default pages come with them. In production
 * ({@code koordes.content.hide-placeholders}) a visitor sees the page without the paragraphs, list items
 * and table rows holding one; editors see the page as visitors do, with a warning listing what is left.
 */
@Component
public class Placeholders {

    /** A placeholder: the marker up to its closing bracket. */
    public static final Pattern MARKER = Pattern.compile("\\[(?:DO UZUPEŁNIENIA|TO BE COMPLETED)[^\\]]*\\]");

    private final Markdown markdown;
    private final SiteContent site;
    private final boolean hidden;

    Placeholders(Markdown markdown, SiteContent site, ContentProperties properties) {
        this.markdown = markdown;
        this.site = site;
        this.hidden = properties.hidePlaceholders();
    }

    /** The placeholders in the texts, each once, in order. */
    public static List<String> in(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            Matcher matcher = MARKER.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The placeholders of the page in the version shown in this language, read from its Markdown (the
     * stored HTML has some characters encoded).
     */
    public List<String> left(SiteContent.SitePage page, boolean english) {
        SiteContent.Version version = page.version(english);
        SiteContent.PageMarkdown text = site.pageMarkdown(page.id()).orElse(new SiteContent.PageMarkdown("", ""));
        boolean englishText = english && version.lang() == null;
        return in(version.title(), version.lead(), englishText ? text.english() : text.polish());
    }

    /** Whether visitors are spared the placeholders (production). */
    public boolean hidden() {
        return hidden;
    }

    /** The page as a visitor sees it in this language: as stored, or in production without its placeholders. */
    public SiteContent.Version forVisitors(SiteContent.SitePage page, boolean english) {
        SiteContent.Version version = page.version(english);
        if (!hidden || in(version.title(), version.lead(), version.bodyHtml()).isEmpty()) {
            return version;
        }
        boolean englishText = english && version.lang() == null;
        String body = version.bodyHtml();
        if (!in(body).isEmpty()) {
            SiteContent.PageMarkdown text = site.pageMarkdown(page.id()).orElse(new SiteContent.PageMarkdown("", ""));
            body = markdown.toHtmlLeavingOut(englishText ? text.english() : text.polish(), MARKER);
        }
        return new SiteContent.Version(
                MARKER.matcher(version.title()).replaceAll("").strip(),
                in(version.lead()).isEmpty() ? version.lead() : "",
                body,
                version.lang());
    }
}
