package pl.koordes.content.internal;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.SitePageForm;

/**
 * Pages every installation must have (the accessibility declaration the law requires), created on the
 * first start in every profile from content/pages/*.md and edited by editors afterwards.
 */
@Component
class RequiredPages implements ApplicationRunner {

    private final SitePageManagement pages;

    RequiredPages(SitePageManagement pages) {
        this.pages = pages;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        load(pages, "classpath:content/pages/*.md");
    }

    /**
     * Creates each page of the pattern that does not exist yet; the file name (without .md) is the address.
     * The header's {@code nav} is the position in the navigation, {@code place} MAIN (the default) or FOOTER.
     * A file beside it named {@code <address>.en.md} (title, lead and text) is the page's English version.
     */
    static void load(SitePageManagement pages, String pattern) {
        for (Resource file : ContentDemoData.resources(pattern)) {
            if (file.getFilename().endsWith(ContentDemoData.ENGLISH)) {
                continue;
            }
            String text = ContentDemoData.read(file);
            Map<String, String> header = ContentDemoData.header(text);
            String slug = file.getFilename().replaceFirst("\\.md$", "");
            String nav = header.getOrDefault("nav", "");
            String titleEn = "", leadEn = "", bodyEn = "";
            String englishText = ContentDemoData.english(file);
            if (englishText != null) {
                Map<String, String> englishHeader = ContentDemoData.header(englishText);
                titleEn = englishHeader.getOrDefault("title", "");
                leadEn = englishHeader.getOrDefault("lead", "");
                bodyEn = ContentDemoData.body(englishText);
            }
            pages.createPageIfAbsent(
                    slug,
                    new SitePageForm(
                            header.get("title"),
                            header.getOrDefault("lead", ""),
                            ContentDemoData.body(text),
                            titleEn,
                            leadEn,
                            bodyEn,
                            header.getOrDefault("place", nav.isEmpty() ? "" : "MAIN"),
                            nav));
        }
    }
}
