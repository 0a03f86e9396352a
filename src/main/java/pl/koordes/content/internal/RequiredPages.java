package pl.koordes.content.internal;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.PageForm;
import pl.koordes.content.PageManagement;

/**
 * Pages every installation must have (the accessibility declaration the law requires), created on the
 * first start in every profile from content/pages/*.md and edited by editors afterwards.
 */
@Component
class RequiredPages implements ApplicationRunner {

    private final PageManagement pages;

    RequiredPages(PageManagement pages) {
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
     */
    static void load(PageManagement pages, String pattern) {
        for (Resource file : ContentDemoData.resources(pattern)) {
            String text = ContentDemoData.read(file);
            Map<String, String> header = ContentDemoData.header(text);
            String slug = file.getFilename().replaceFirst("\\.md$", "");
            String nav = header.getOrDefault("nav", "");
            pages.createPageIfAbsent(slug, new PageForm(header.get("title"), header.getOrDefault("lead", ""),
                    ContentDemoData.body(text), header.getOrDefault("place", nav.isEmpty() ? "" : "MAIN"), nav));
        }
    }
}
