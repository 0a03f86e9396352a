package pl.koordes.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ArticleForm;
import pl.koordes.content.ArticleManagement;
import pl.koordes.shared.database.DemoData;

/**
 * Invented demonstration articles (written for this project, in Polish), loaded once through the same
 * write path editors use, so they carry revisions and rendered HTML. Never loaded in production.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("koordes.site.demo")
class ContentDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContentDemoData.class);
    static final String EDITOR = "Redakcja (demo)";

    private final DemoData demoData;
    private final ArticleManagement articles;

    ContentDemoData(DemoData demoData, ArticleManagement articles) {
        this.demoData = demoData;
        this.articles = articles;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("content")) {
            return;
        }
        Resource[] files = resources("classpath:demo/content/articles/*.md");
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        long first = -1;
        ArticleForm firstForm = null;
        for (Resource file : files) {
            ArticleForm form = article(read(file));
            long id = articles.createArticle(form, EDITOR);
            if (first < 0) {
                first = id;
                firstForm = form;
            }
        }
        // A later correction of the oldest article, so that its page shows the date of the update.
        if (firstForm != null) {
            articles.updateArticle(first, new ArticleForm(firstForm.title(), firstForm.lead(),
                    firstForm.body() + "\n\n*Uzupełniono: dodaliśmy odnośniki do katalogu regionów – [zobacz listę województw](/regiony).*",
                    firstForm.tags(), firstForm.authorName(), firstForm.status(), firstForm.publishedAt(),
                    firstForm.imageId()), EDITOR);
        }
        log.info("Demo content: {} articles", files.length);
    }

    /** A demo article file: {@code key: value} lines, an empty line, then the Markdown body. */
    static ArticleForm article(String text) {
        int split = text.indexOf("\n\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new ArticleForm(header.get("title"), header.get("lead"), text.substring(split + 2).strip(),
                header.getOrDefault("tags", ""), header.get("author"), header.getOrDefault("status", "PUBLISHED"),
                header.getOrDefault("published", ""), "");
    }

    static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
