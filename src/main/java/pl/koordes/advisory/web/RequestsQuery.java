package pl.koordes.advisory.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.RequestsQueries;
import pl.koordes.directory.Region;
import pl.koordes.shared.web.Paged;

/**
 * The list's address as typed: {@code status} (a word per status: zlozone, przyjete, …), {@code wojewodztwo} (a
 * region's slug), {@code temat} (a topic's number), {@code ekspert} (an expert's account, operators only) and
 * {@code strona}. Anything unknown is ignored, never an error.
 */
public record RequestsQuery(String status, String region, String topic, String expert, int page) {

    /** The word in the address for each status. */
    static final Map<AdvisoryStatus, String> SLUGS = Map.of(
            AdvisoryStatus.SUBMITTED, "zlozone",
            AdvisoryStatus.ACCEPTED, "przyjete",
            AdvisoryStatus.DECLINED, "odrzucone",
            AdvisoryStatus.SCHEDULED, "zaplanowane",
            AdvisoryStatus.IN_PROGRESS, "w-trakcie",
            AdvisoryStatus.COMPLETED, "zakonczone",
            AdvisoryStatus.WITHDRAWN, "wycofane");

    public static String slug(AdvisoryStatus status) {
        return SLUGS.get(status);
    }

    public static List<AdvisoryStatus> statuses() {
        return List.of(AdvisoryStatus.values());
    }

    static RequestsQuery of(Map<String, String> parameters) {
        return new RequestsQuery(
                parameters.getOrDefault("status", "").strip(),
                parameters.getOrDefault("wojewodztwo", "").strip(),
                parameters.getOrDefault("temat", "").strip(),
                parameters.getOrDefault("ekspert", "").strip(),
                Paged.number(parameters.getOrDefault("strona", "1")));
    }

    /** The same query with what does not exist (or this person may not filter by) left out. */
    RequestsQuery known(List<Region> regions, Set<Long> topics, boolean expertFilter) {
        return new RequestsQuery(
                chosenStatus() == null ? "" : status,
                regions.stream().anyMatch(r -> r.slug().equals(region)) ? region : "",
                number(topic) != null && topics.contains(number(topic)) ? topic : "",
                expertFilter && number(expert) != null ? expert : "",
                page);
    }

    @Nullable
    AdvisoryStatus chosenStatus() {
        return SLUGS.entrySet().stream()
                .filter(e -> e.getValue().equals(status))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    @Nullable
    Long regionId(List<Region> regions) {
        Optional<Region> found =
                regions.stream().filter(r -> r.slug().equals(region)).findFirst();
        return found.map(Region::id).orElse(null);
    }

    RequestsQueries.Filter filter(boolean all, Set<Long> regions, @Nullable Long expertAccount, List<Region> known) {
        return new RequestsQueries.Filter(
                all, regions, expertAccount, chosenStatus(), regionId(known), number(topic), number(expert));
    }

    public boolean filtered() {
        return !status.isEmpty() || !region.isEmpty() || !topic.isEmpty() || !expert.isEmpty();
    }

    /** The query string of page {@code n} with the same filters ({@code ?status=…&strona=2}). */
    public String query(int n) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status);
        add(parts, "wojewodztwo", region);
        add(parts, "temat", topic);
        add(parts, "ekspert", expert);
        if (n > 1) {
            parts.add("strona=" + n);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The query string with the status replaced (the counts link to their status). */
    public String withStatus(AdvisoryStatus chosen) {
        return new RequestsQuery(slug(chosen), region, topic, expert, 1).query(1);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static @Nullable Long number(String value) {
        return value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }
}
