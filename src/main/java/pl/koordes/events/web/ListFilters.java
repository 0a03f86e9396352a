package pl.koordes.events.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;
import pl.koordes.events.EventLevel;
import pl.koordes.events.internal.EventFilter;
import pl.koordes.events.internal.EventFormat;
import pl.koordes.events.internal.EventType;

/** The list filters as typed in the address; anything unknown is ignored rather than refused. */
public record ListFilters(
        EventFilter filter, int page, String type, String level, String region, String format, String month) {

    public static ListFilters of(Map<String, String> query, List<Region> regions) {
        EventType type = parse(EventType.class, query.get("typ"));
        EventLevel level = parse(EventLevel.class, query.get("poziom"));
        EventFormat format = parse(EventFormat.class, query.get("forma"));
        String regionSlug = query.getOrDefault("region", "");
        Long regionId = regions.stream()
                .filter(r -> r.slug().equals(regionSlug))
                .map(Region::id)
                .findFirst()
                .orElse(null);
        YearMonth month = null;
        String monthText = query.getOrDefault("miesiac", "");
        try {
            if (monthText.matches("\\d{4}-\\d{2}")) {
                month = YearMonth.parse(monthText);
                if (month.getYear() < 2000 || month.getYear() > 2100) {
                    month = null;
                }
            }
        } catch (DateTimeException e) {
            month = null;
        }
        int page = 1;
        String pageText = query.getOrDefault("strona", "1");
        if (pageText.matches("\\d{1,6}")) {
            page = Integer.parseInt(pageText);
        }
        return new ListFilters(
                new EventFilter(type, level, regionId, format, month),
                page,
                type == null ? "" : type.name(),
                level == null ? "" : level.name(),
                regionId == null ? "" : regionSlug,
                format == null ? "" : format.name(),
                month == null ? "" : month.toString());
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > 40) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The query string of these filters with another page (or month), for links. */
    public String query(int otherPage) {
        StringBuilder q = new StringBuilder();
        append(q, "typ", type);
        append(q, "poziom", level);
        append(q, "region", region);
        append(q, "forma", format);
        append(q, "miesiac", month);
        if (otherPage > 1) {
            append(q, "strona", Integer.toString(otherPage));
        }
        return q.isEmpty() ? "" : "?" + q;
    }

    /** The filters with another month, for the calendar's previous and next links. */
    public String withMonth(YearMonth other) {
        StringBuilder q = new StringBuilder();
        append(q, "typ", type);
        append(q, "poziom", level);
        append(q, "region", region);
        append(q, "forma", format);
        append(q, "miesiac", other.toString());
        return "?" + q;
    }

    private static void append(StringBuilder q, String name, String value) {
        if (!value.isEmpty()) {
            if (!q.isEmpty()) {
                q.append('&');
            }
            q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
