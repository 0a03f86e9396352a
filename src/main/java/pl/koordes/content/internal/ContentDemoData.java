package pl.koordes.content.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ArticleForm;
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
    private final SitePageManagement pages;
    private final ImageManagement images;
    private final JdbcClient jdbc;

    ContentDemoData(
            DemoData demoData,
            ArticleManagement articles,
            SitePageManagement pages,
            ImageManagement images,
            JdbcClient jdbc) {
        this.demoData = demoData;
        this.articles = articles;
        this.pages = pages;
        this.images = images;
        this.jdbc = jdbc;
    }

    /** Invented quotes; the first is featured so the home page shows it, the rest take turns when it is unmarked. */
    private void quotes() {
        String[][] quotes = {
            {
                "Ekonomia społeczna zaczyna się tam, gdzie ktoś pyta sąsiada, czego potrzebuje.",
                "Anna Przykładowa, koordynatorka regionalna (demo)"
            },
            {
                "Dobry program regionalny mieści się na jednej kartce i da się go sprawdzić po roku.",
                "z notatek ze spotkania makroregionalnego (demo)"
            },
            {
                "Spółdzielnia socjalna to nie projekt, tylko firma, która ma klientów.",
                "Jan Wzorcowy, członek komitetu regionalnego (demo)"
            },
            {"Postulat bez odpowiedzi to też odpowiedź – dlatego liczymy każdą.", "Manifest programu (demo)"},
        };
        for (int i = 0; i < quotes.length; i++) {
            jdbc.sql("insert into motto_quote (text, source, featured) values (:text, :source, :featured)")
                    .param("text", quotes[i][0])
                    .param("source", quotes[i][1])
                    .param("featured", i == 0)
                    .update();
        }
    }

    /** Invented patrons and partners with simple generated logos (shapes only: no fonts needed on the server). */
    private void partners() {
        Object[][] partners = {
            {
                "PATRON",
                "Ministerstwo Przykładowych Spraw Społecznych (demo)",
                "https://ministerstwo.example",
                new Color(11, 79, 138)
            },
            {"FUNDER", "Fundusz Wzorcowy dla Regionów (demo)", "https://fundusz.example", new Color(163, 51, 27)},
            {
                "PARTNER",
                "Stowarzyszenie Spółdzielni Zmyślonych (demo)",
                "https://spoldzielnie.example",
                new Color(20, 110, 60)
            },
            {
                "PARTNER",
                "Uniwersytet Przykładowy – Centrum Badań Społecznych (demo)",
                "https://uniwersytet.example",
                new Color(90, 40, 120)
            },
            {"MEDIA_PATRON", "Portal Fikcyjne Wiadomości (demo)", "https://wiadomosci.example", new Color(60, 60, 60)},
        };
        for (int i = 0; i < partners.length; i++) {
            long logo = images.uploadImage(
                    logo((Color) partners[i][3], i), "logo-" + (i + 1) + ".png", "Logo: " + partners[i][1], EDITOR);
            jdbc.sql(
                            "insert into partner (kind, name, url, logo_id, sort_order) values (:kind, :name, :url, :logo, :order)")
                    .param("kind", partners[i][0])
                    .param("name", partners[i][1])
                    .param("url", partners[i][2])
                    .param("logo", logo)
                    .param("order", (i + 1) * 10)
                    .update();
        }
    }

    static byte[] logo(Color colour, int variant) {
        BufferedImage image = new BufferedImage(320, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        switch (variant % 3) {
            case 0 -> g.fillOval(10, 10, 100, 100);
            case 1 -> g.fillRoundRect(10, 10, 100, 100, 30, 30);
            default -> g.fillPolygon(new int[] {60, 110, 10}, new int[] {10, 110, 110}, 3);
        }
        for (int bar = 0; bar < 3; bar++) {
            g.fillRect(130, 25 + bar * 28, 170 - bar * 40 - variant * 8, 16);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("content")) {
            return;
        }
        Resource[] files = Arrays.stream(resources("classpath:demo/content/articles/*.md"))
                .filter(file -> !file.getFilename().endsWith(ENGLISH))
                .toArray(Resource[]::new);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        long first = -1;
        ArticleForm firstForm = null;
        for (Resource file : files) {
            ArticleForm form = article(read(file), english(file));
            long id = articles.createArticle(form, EDITOR);
            if (first < 0) {
                first = id;
                firstForm = form;
            }
        }
        // A later correction of the oldest article, so that its page shows the date of the update.
        if (firstForm != null) {
            articles.updateArticle(
                    first,
                    new ArticleForm(
                            firstForm.title(),
                            firstForm.lead(),
                            firstForm.body()
                                    + "\n\n*Uzupełniono: dodaliśmy odnośniki do katalogu regionów – [zobacz listę województw](/regiony).*",
                            firstForm.tags(),
                            firstForm.authorName(),
                            firstForm.status(),
                            firstForm.publishedAt(),
                            firstForm.imageId(),
                            firstForm.titleEn(),
                            firstForm.leadEn(),
                            firstForm.bodyEn()),
                    EDITOR);
        }
        RequiredPages.load(pages, "classpath:demo/content/pages/*.md");
        quotes();
        partners();
        log.info("Demo content: {} articles, pages, quotes and partners", files.length);
    }

    /** The {@code key: value} lines before the first empty line of a content file. */
    static Map<String, String> header(String text) {
        int split = text.indexOf("\n\n");
        Map<String, String> header = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            header.put(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return header;
    }

    /** The Markdown after the header of a content file. */
    static String body(String text) {
        return text.substring(text.indexOf("\n\n") + 2).strip();
    }

    /** The ending of a content file holding the English version of the file of the same name without it. */
    static final String ENGLISH = ".en.md";

    /** The text of the English version beside a content file, or null when it has none. */
    static @Nullable String english(Resource file) {
        try {
            Resource english = file.createRelative(file.getFilename().replaceFirst("\\.md$", ENGLISH));
            return english.exists() ? read(english) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A demo article file: {@code key: value} lines, an empty line, then the Markdown body; its English
     * version, when there is one, has a title and a lead in its header and the English body.
     */
    static ArticleForm article(String text, @Nullable String english) {
        Map<String, String> header = header(text);
        Map<String, String> englishHeader = english == null ? Map.of() : header(english);
        return new ArticleForm(
                header.get("title"),
                header.get("lead"),
                body(text),
                header.getOrDefault("tags", ""),
                header.get("author"),
                header.getOrDefault("status", "PUBLISHED"),
                header.getOrDefault("published", ""),
                "",
                englishHeader.getOrDefault("title", ""),
                englishHeader.getOrDefault("lead", ""),
                english == null ? "" : body(english));
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
