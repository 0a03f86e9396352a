package pl.koordes.postulates.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresArea;
import pl.koordes.postulates.internal.PublicFilter;
import pl.koordes.postulates.internal.StatusFilter;
import pl.koordes.shared.web.Paged;

/**
 * The public list's filters as typed in the address ({@code ?status=po-terminie&adresat=3&wojewodztwo=slaskie
 * &obszar=II&rok=2026&strona=2}). A value that names nothing known (a status, an addressee, a region, an area
 * that does not exist, a year that is not four digits) is no filter, so any address shows a list; the form
 * then shows "all" for it.
 */
public record PublicListQuery(
        PublicFilter filter, int page, String status, String addressee, String region, String area, String year) {

    static PublicListQuery of(
            Map<String, String> query,
            List<Region> regions,
            List<CentralInstitution> institutions,
            List<KpresArea> areas) {
        StatusFilter status = StatusFilter.of(query.getOrDefault("status", "")).orElse(null);
        String addresseeText = query.getOrDefault("adresat", "");
        Long addressee = addresseeText.matches("\\d{1,18}")
                ? institutions.stream()
                        .map(CentralInstitution::id)
                        .filter(id -> Long.toString(id).equals(addresseeText))
                        .findFirst()
                        .orElse(null)
                : null;
        String regionSlug = query.getOrDefault("wojewodztwo", "");
        Region region = regions.stream()
                .filter(r -> r.slug().equals(regionSlug))
                .findFirst()
                .orElse(null);
        String areaText = query.getOrDefault("obszar", "");
        String area = areas.stream()
                .map(KpresArea::code)
                .filter(code -> code.equals(areaText))
                .findFirst()
                .orElse(null);
        Integer year = year(query.getOrDefault("rok", ""));
        return new PublicListQuery(
                new PublicFilter(status, addressee, region == null ? null : region.id(), area, year),
                Paged.number(query.get("strona")),
                status == null ? "" : status.slug(),
                addressee == null ? "" : addresseeText,
                region == null ? "" : regionSlug,
                area == null ? "" : area,
                year == null ? "" : year.toString());
    }

    /** A year of submission: four digits from 2000 to 2100, or none. */
    static @Nullable Integer year(String text) {
        if (!text.matches("\\d{4}")) {
            return null;
        }
        int year = Integer.parseInt(text);
        return year < 2000 || year > 2100 ? null : year;
    }

    /** The query string of these filters on another page ("" for the first page without filters). */
    public String query(int otherPage) {
        StringBuilder q = new StringBuilder();
        append(q, "status", status);
        append(q, "adresat", addressee);
        append(q, "wojewodztwo", region);
        append(q, "obszar", area);
        append(q, "rok", year);
        if (otherPage > 1) {
            append(q, "strona", Integer.toString(otherPage));
        }
        return q.isEmpty() ? "" : "?" + q;
    }

    /** The filters without a page, for the export links. */
    public String filters() {
        return query(1);
    }

    public boolean filtered() {
        return !(status.isEmpty() && addressee.isEmpty() && region.isEmpty() && area.isEmpty() && year.isEmpty());
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
