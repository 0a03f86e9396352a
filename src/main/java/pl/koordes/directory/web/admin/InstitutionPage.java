package pl.koordes.directory.web.admin;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of the institution list with the filters that chose it.
 *
 * @param region the region filter as sent back in links: empty for all, {@code none} for institutions
 *        without a region, or a region id
 * @param kind the kind filter: empty for all, or a kind's name
 * @param number the page shown, from 1
 */
public record InstitutionPage(List<InstitutionRow> rows, long total, int number, int pages, String region, String kind) {

    /** The region filter value for institutions without a region (central institutions, national partners). */
    public static final String NO_REGION = "brak";

    /** How many page links are shown on each side of the current page. */
    private static final int NEIGHBOURS = 2;

    public boolean noRegion() {
        return NO_REGION.equals(region);
    }

    /** The page numbers to link: the first, the last and those near the current one; 0 marks a gap. */
    public List<Integer> pageNumbers() {
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - number) <= NEIGHBOURS) {
                numbers.add(n);
            } else if (numbers.getLast() != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }

    /** The address of another page of the same list. */
    public String href(int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(InstitutionAdminController.LIST);
        if (!region.isEmpty()) {
            builder.queryParam("region", region);
        }
        if (!kind.isEmpty()) {
            builder.queryParam("kind", kind);
        }
        if (page > 1) {
            builder.queryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }
}
