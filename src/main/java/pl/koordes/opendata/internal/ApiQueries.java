package pl.koordes.opendata.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicQuery;

/**
 * Reads a list request's query parameters strictly: an unknown or repeated parameter, a number out of
 * range, a date that is not a day, a filter the collection does not have or a region that does not exist
 * is a 400 naming the parameter, before anything is read.
 */
public final class ApiQueries {

    public static final String PAGE = "page";
    public static final String PER_PAGE = "per_page";
    public static final String REGION = "region";
    public static final String DATE_FROM = "date_from";
    public static final String DATE_TO = "date_to";

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    private static final Set<String> KNOWN = Set.of(PAGE, PER_PAGE, REGION, DATE_FROM, DATE_TO);
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** A checked query and the canonical form of its filters, for the links and the cache key. */
    public record Checked(PublicQuery query, String filters) {}

    private ApiQueries() {}

    /**
     * @param parameters the request's query parameters
     * @param filters the filters the collection has
     * @param regions region ids by slug and by TERYT code
     * @param paged whether paging parameters are allowed (a CSV download is the whole collection)
     */
    public static Checked check(
            Map<String, String[]> parameters, Set<PublicFilter> filters, Map<String, Long> regions, boolean paged) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!KNOWN.contains(name) || (!paged && (name.equals(PAGE) || name.equals(PER_PAGE)))) {
                throw ApiProblem.badParameter(
                        printable(name),
                        "Nieznany parametr. Dozwolone: " + (paged ? "page, per_page, " : "")
                                + "region, date_from, date_to (jeśli zbiór je ma).");
            }
            if (parameter.getValue().length != 1) {
                throw ApiProblem.badParameter(name, "Parametr podano więcej niż raz.");
            }
        }
        int page = number(parameters, PAGE, 1, MAX_PAGE, 1);
        int size = number(parameters, PER_PAGE, 1, MAX_SIZE, DEFAULT_SIZE);
        StringBuilder canonical = new StringBuilder();
        Long regionId = null;
        String region = single(parameters, REGION);
        if (region != null) {
            if (!filters.contains(PublicFilter.REGION)) {
                throw ApiProblem.badParameter(REGION, "Tego zbioru nie można filtrować według regionu.");
            }
            regionId = regions.get(region.toLowerCase(Locale.ROOT));
            if (regionId == null) {
                throw ApiProblem.badParameter(
                        REGION,
                        "Nie ma takiego regionu: podaj identyfikator (np. malopolskie) lub kod TERYT (np. 12).");
            }
            canonical.append('&').append(REGION).append('=').append(region.toLowerCase(Locale.ROOT));
        }
        LocalDate first = day(parameters, DATE_FROM, filters);
        LocalDate last = day(parameters, DATE_TO, filters);
        if (first != null && last != null && first.isAfter(last)) {
            throw ApiProblem.badParameter(DATE_TO, "Data końcowa jest wcześniejsza niż początkowa.");
        }
        if (first != null) {
            canonical.append('&').append(DATE_FROM).append('=').append(first);
        }
        if (last != null) {
            canonical.append('&').append(DATE_TO).append('=').append(last);
        }
        return new Checked(new PublicQuery(page, size, regionId, first, last), canonical.toString());
    }

    private static @Nullable String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    private static int number(Map<String, String[]> parameters, String name, int min, int max, int absent) {
        String value = single(parameters, name);
        if (value == null) {
            return absent;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw ApiProblem.badParameter(name, "Oczekiwano liczby całkowitej od " + min + " do " + max + ".");
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw ApiProblem.badParameter(name, "Oczekiwano liczby całkowitej od " + min + " do " + max + ".");
        }
        return number;
    }

    private static @Nullable LocalDate day(Map<String, String[]> parameters, String name, Set<PublicFilter> filters) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        if (!filters.contains(PublicFilter.DATE)) {
            throw ApiProblem.badParameter(name, "Tego zbioru nie można filtrować według daty.");
        }
        if (!DAY.matcher(value).matches()) {
            throw ApiProblem.badParameter(name, "Oczekiwano daty w formacie RRRR-MM-DD.");
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
                throw ApiProblem.badParameter(name, "Data spoza zakresu 1900-01-01 – 2199-12-31.");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(name, "Nie ma takiego dnia.");
        }
    }

    /** A parameter's name as the problem repeats it: only a plausible name, never what a client made up to echo. */
    private static String printable(String name) {
        return PLAUSIBLE_NAME.matcher(name).matches() ? name : "(nieznany)";
    }

    private static final Pattern PLAUSIBLE_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,40}");
}
