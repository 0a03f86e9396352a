package pl.koordes.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.opendata.internal.ApiCache;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestExtensions;
import tools.jackson.databind.JsonNode;

/**
 * The API never shows what the public page does not: for every item of every collection (first page), each
 * field's value is on the public page the item links to — texts as the page escapes them, moments as the
 * page's date, lists item by item — and each collection has exactly the fields listed here, so a new field
 * needs a look at its page first. Drafts and unpublished articles are in no collection.
 */
@IntegrationTest
@Import(TestExtensions.class)
class OpenDataFieldsIntegrationTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    /** Per collection: its fields, and those whose value is a code the page shows in words (checked apart). */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry(
                    "postulates",
                    List.of(
                            "id",
                            "title",
                            "problem",
                            "proposal",
                            "justification",
                            "region",
                            "addressee",
                            "areas",
                            "status",
                            "submitted_at",
                            "answer_due",
                            "cosignatures",
                            "answer_status",
                            "answer",
                            "answered_at",
                            "answered_by",
                            "url")),
            Map.entry(
                    "programmes",
                    List.of(
                            "id",
                            "region",
                            "name",
                            "version",
                            "resolution_number",
                            "resolution_date",
                            "period_start",
                            "period_end",
                            "adopted_at",
                            "url")),
            Map.entry(
                    "indicator-values",
                    List.of(
                            "id",
                            "region",
                            "indicator",
                            "indicator_name",
                            "unit",
                            "kpres_indicator",
                            "year",
                            "half",
                            "value",
                            "url")),
            Map.entry("regions", List.of("id", "teryt", "name_pl", "name_en", "seat", "macroregion", "url")),
            Map.entry("macroregions", List.of("id", "code", "name_pl", "name_en", "regions", "url")),
            Map.entry(
                    "articles",
                    List.of("id", "title", "title_en", "lead", "lead_en", "author", "published_at", "tags", "url")),
            Map.entry(
                    "institutions",
                    List.of(
                            "id",
                            "region",
                            "kind",
                            "name",
                            "street",
                            "postal_code",
                            "city",
                            "email",
                            "phone",
                            "website",
                            "url")),
            Map.entry("committees", List.of("id", "region", "name", "term_start", "term_end", "members", "url")),
            Map.entry(
                    "events",
                    List.of(
                            "id",
                            "title",
                            "title_en",
                            "type",
                            "level",
                            "region",
                            "format",
                            "status",
                            "starts_at",
                            "ends_at",
                            "venue",
                            "address",
                            "url")));

    /** Codes the page shows in words, and ids the page has in its links. */
    private static final Set<String> CODES = Set.of(
            "type",
            "level",
            "format",
            "status",
            "kind",
            "id",
            "macroregion",
            "region",
            "areas",
            "answer_status",
            "indicator");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiCache cache;

    ApiClient api;
    Http site;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port, "127.0.49.20");
        site = new Http(port);
        cache.clear();
    }

    @Test
    void everyValueIsOnThePublicPageOfItsItem() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> collection : FIELDS.entrySet()) {
            JsonNode page = OpenDataApiIntegrationTests.JSON.readTree(
                    api.get("/api/v1/" + collection.getKey() + "?per_page=100").body());
            assertThat(page.get("data")).as(collection.getKey()).isNotEmpty();
            for (JsonNode item : page.get("data")) {
                assertThat(item.propertyNames())
                        .as(collection.getKey())
                        .containsExactlyElementsOf(collection.getValue());
                String path = item.get("url").asString().replaceFirst("^https?://[^/]+", "");
                String polish = quotesAsTyped(site.get(path).body());
                String english = quotesAsTyped(site.get(path + "?lang=en").body());
                for (String field : collection.getValue()) {
                    JsonNode value = item.get(field);
                    if (value.isNull() || CODES.contains(field) || field.equals("url")) {
                        continue;
                    }
                    String html = field.endsWith("_en") ? english : polish;
                    for (String shown : shown(value)) {
                        if (!html.contains(shown)) {
                            missing.add(collection.getKey() + " " + path + ": " + field + " = " + shown);
                        }
                    }
                }
                for (String link : List.of("macroregion", "region")) {
                    if (item.has(link) && !item.get(link).isNull()) {
                        String href = (link.equals("region") ? "/regiony/" : "/makroregiony/")
                                + item.get(link).asString();
                        if (!polish.contains("href=\"" + href + "\"")) {
                            missing.add(collection.getKey() + " " + path + ": " + link + " link " + href);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("API values not on the public page").isEmpty();
    }

    @Test
    void draftsAndUnpublishedArticlesAreInNoCollection() {
        List<Long> drafts = jdbc.sql("select id from event where status = 'DRAFT'")
                .query(Long.class)
                .list();
        for (Long draft : drafts) {
            assertThat(api.get("/api/v1/events/" + draft).statusCode()).isEqualTo(404);
        }
        List<String> unpublished = jdbc.sql(
                        "select slug from article where status <> 'PUBLISHED' or published_at > now()")
                .query(String.class)
                .list();
        for (String slug : unpublished) {
            assertThat(api.get("/api/v1/articles/" + slug).statusCode()).isEqualTo(404);
        }
        long publicEvents = jdbc.sql("select count(*) from event where status <> 'DRAFT'")
                .query(Long.class)
                .single();
        JsonNode events = OpenDataApiIntegrationTests.JSON.readTree(
                api.get("/api/v1/events").body());
        assertThat(events.get("meta").get("total").asLong()).isEqualTo(publicEvents);
    }

    /** How the page shows a value: escaped text, a moment as its Warsaw day, a list item by item. */
    private static List<String> shown(JsonNode value) {
        if (value.isArray()) {
            List<String> all = new ArrayList<>();
            value.forEach(v -> all.addAll(shown(v)));
            return all;
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            // A decimal as the page writes it: Polish separators, at most two decimals.
            java.text.NumberFormat polish =
                    java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("pl"));
            polish.setMaximumFractionDigits(2);
            polish.setRoundingMode(java.math.RoundingMode.HALF_UP);
            return List.of(polish.format(value.decimalValue()));
        }
        String text = value.asString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return List.of(DAY.format(OffsetDateTime.parse(text).atZoneSameInstant(WARSAW)));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return List.of(DAY.format(java.time.LocalDate.parse(text)));
        }
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(escape(text));
    }

    /** Quotes as typed: a page may escape them in text or not. */
    private static String quotesAsTyped(String html) {
        return html.replace("&#39;", "'")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
