package pl.koordes.surveys.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
import pl.koordes.surveys.internal.ResultsFilter;
import pl.koordes.surveys.internal.ResultsQueries.Grouping;

/**
 * The results' filters as the address carries them: {@code wojewodztwo} (a region's slug), {@code rodzaj} (a
 * kind of institution, e.g. {@code ROPS}) and {@code porownaj} ({@code wojewodztwa} or {@code rodzaje}).
 * Anything unknown is ignored: the results then count every answer.
 *
 * @param region the chosen region's slug, or null
 * @param kind the chosen kind's name, or null
 * @param compare {@code wojewodztwa}, {@code rodzaje} or null
 */
public record Query(
        @Nullable String region,
        @Nullable String kind,
        @Nullable String compare,
        ResultsFilter filter,
        List<Region> regionsInOrder) {

    static final String BY_REGION = "wojewodztwa";
    static final String BY_KIND = "rodzaje";

    static Query of(Map<String, String> parameters, List<Region> regions) {
        String slug = parameters.get("wojewodztwo");
        Region region = slug == null
                ? null
                : regions.stream()
                        .filter(r -> r.slug().equals(slug))
                        .findFirst()
                        .orElse(null);
        InstitutionKind kind = kind(parameters.get("rodzaj"));
        String compare = parameters.get("porownaj");
        if (!BY_REGION.equals(compare) && !BY_KIND.equals(compare)) {
            compare = null;
        }
        return new Query(
                region == null ? null : region.slug(),
                kind == null ? null : kind.name(),
                compare,
                new ResultsFilter(region == null ? null : region.id(), kind),
                regions);
    }

    private static @Nullable InstitutionKind kind(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > 40) {
            return null;
        }
        try {
            return InstitutionKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** How the comparison groups the answers, or null for no comparison. */
    public @Nullable Grouping grouping() {
        if (BY_REGION.equals(compare)) {
            return Grouping.REGIONS;
        }
        return BY_KIND.equals(compare) ? Grouping.KINDS : null;
    }

    /** The filters as more parameters of an address that already has some ("&wojewodztwo=…"). */
    public String filterSuffix() {
        StringBuilder out = new StringBuilder();
        if (region != null) {
            out.append("&wojewodztwo=").append(URLEncoder.encode(region, StandardCharsets.UTF_8));
        }
        if (kind != null) {
            out.append("&rodzaj=").append(kind);
        }
        return out.toString();
    }

    /** The filters as the query of an address ("?wojewodztwo=…"), or empty. */
    public String suffix() {
        String more = filterSuffix();
        return more.isEmpty() ? "" : "?" + more.substring(1);
    }

    public String regionValue() {
        return region == null ? "" : region;
    }

    public String kindValue() {
        return kind == null ? "" : kind;
    }

    public String compareValue() {
        return compare == null ? "" : compare;
    }
}
