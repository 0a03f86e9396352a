package pl.koordes.opendata.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import pl.koordes.shared.opendata.PublicField;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's JSON: values by field type, pages with links, single items and problem details. */
public final class ApiJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private ApiJson() {}

    /** A value as JSON shows it: moments in ISO 8601 with the Warsaw offset, pages of the site absolute. */
    static @Nullable Object value(PublicField field, @Nullable Object raw, String site) {
        if (raw == null) {
            return null;
        }
        return switch (field.type()) {
            case DATE_TIME ->
                raw instanceof Instant instant
                        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                instant.truncatedTo(ChronoUnit.SECONDS).atZone(WARSAW))
                        : raw instanceof OffsetDateTime time
                                ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                                : raw.toString();
            case DATE -> raw.toString();
            case URL -> raw instanceof String path && path.startsWith("/") ? site + path : raw;
            case STRING -> raw.toString();
            default -> raw;
        };
    }

    /** An item with its values converted. */
    static Map<String, @Nullable Object> item(
            List<PublicField> fields, Map<String, @Nullable Object> raw, String site) {
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        for (PublicField field : fields) {
            item.put(field.name(), value(field, raw.get(field.name()), site));
        }
        return item;
    }

    static byte[] write(Object body) {
        return JSON.writeValueAsBytes(body);
    }

    /** The items of a page, its paging and its links. */
    static byte[] page(List<Map<String, @Nullable Object>> items, ApiPaging paging) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", paging.page());
        meta.put("per_page", paging.size());
        meta.put("total", paging.total());
        meta.put("pages", paging.pages());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", new ArrayList<>(items));
        body.put("meta", meta);
        body.put("links", paging.links());
        return write(body);
    }

    /**
     * An RFC 9457 problem: the status, its reason as title, a detail in Polish, the address asked and,
     * for a bad query parameter, its name under {@code invalid_params}.
     */
    public static byte[] problem(int status, String detail, @Nullable String parameter, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (parameter != null) {
            body.put("invalid_params", List.of(Map.of("name", parameter, "reason", detail)));
        }
        return write(body);
    }

    /** The detail of a status nothing more specific explains. */
    public static String detailOf(int status) {
        return switch (status) {
            case 400 -> "Nieprawidłowe żądanie.";
            case 404 -> "Nie ma takiego zasobu.";
            case 405 -> "API służy tylko do odczytu: dozwolone są metody GET i HEAD.";
            case 406 -> "API odpowiada w formacie JSON (application/json) lub CSV (text/csv).";
            case 429 -> "Za dużo żądań z tego adresu; spróbuj ponownie po czasie podanym w Retry-After.";
            default -> status >= 500 ? "Błąd serwera. Spróbuj ponownie później." : "Żądanie odrzucone.";
        };
    }
}
