package pl.koordes.surveys.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;
import pl.koordes.shared.web.Paged;
import pl.koordes.surveys.NeedStatus;
import pl.koordes.surveys.internal.NeedFilter;

/**
 * The list's address as typed: {@code status} (otwarta, zaplanowana, zaspokojona), {@code wojewodztwo} (a
 * region's slug, or {@code krajowe} for national needs), {@code temat} (a part of the topic), {@code ankieta}
 * (a survey's number) and {@code strona}. Anything unknown is ignored, never an error.
 */
public record NeedsQuery(String status, String region, String topic, String survey, int page, NeedFilter filter) {

    public static final String NATIONAL = "krajowe";

    /** The status of each word in the address. */
    static final Map<String, NeedStatus> STATUSES =
            Map.of("otwarta", NeedStatus.OPEN, "zaplanowana", NeedStatus.PLANNED, "zaspokojona", NeedStatus.ANSWERED);

    static List<String> statusSlugs() {
        return List.of("otwarta", "zaplanowana", "zaspokojona");
    }

    public static String slug(NeedStatus status) {
        return STATUSES.entrySet().stream()
                .filter(e -> e.getValue() == status)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    static NeedsQuery of(Map<String, String> parameters, List<Region> regions) {
        String status = parameters.getOrDefault("status", "").strip();
        @Nullable NeedStatus chosenStatus = STATUSES.get(status);
        String region = parameters.getOrDefault("wojewodztwo", "").strip();
        Optional<Region> chosenRegion =
                regions.stream().filter(r -> r.slug().equals(region)).findFirst();
        boolean national = NATIONAL.equals(region);
        String topic = parameters.getOrDefault("temat", "").strip();
        if (topic.codePointCount(0, topic.length()) > 200) {
            topic = topic.substring(0, topic.offsetByCodePoints(0, 200));
        }
        String survey = parameters.getOrDefault("ankieta", "").strip();
        @Nullable Long surveyId = survey.matches("\\d{1,18}") ? Long.valueOf(survey) : null;
        NeedFilter filter = new NeedFilter(
                chosenStatus,
                chosenRegion.map(Region::id).orElse(null),
                national,
                topic.isEmpty() ? null : topic,
                surveyId);
        return new NeedsQuery(
                chosenStatus == null ? "" : status,
                chosenRegion.isPresent() || national ? region : "",
                topic,
                surveyId == null ? "" : survey,
                Paged.number(parameters.getOrDefault("strona", "1")),
                filter);
    }

    public boolean filtered() {
        return !status.isEmpty() || !region.isEmpty() || !topic.isEmpty() || !survey.isEmpty();
    }

    /** The query string of page {@code n} with the same filters ({@code ?status=…&strona=2}). */
    public String query(int n) {
        List<String> parts = new ArrayList<>();
        add(parts, "status", status);
        add(parts, "wojewodztwo", region);
        add(parts, "temat", topic);
        add(parts, "ankieta", survey);
        if (n > 1) {
            parts.add("strona=" + n);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public static List<NeedStatus> statuses() {
        return Arrays.asList(NeedStatus.values());
    }
}
