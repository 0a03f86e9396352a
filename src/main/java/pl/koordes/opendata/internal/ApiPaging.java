package pl.koordes.opendata.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The paging of one answer and its links (first, prev, next, last, self), as absolute addresses with
 * the request's filters kept, for the body and the {@code Link} header (RFC 8288).
 */
record ApiPaging(int page, int size, long total, String base, String filters) {

    int pages() {
        return total == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }

    Map<String, @Nullable String> links() {
        Map<String, @Nullable String> links = new LinkedHashMap<>();
        links.put("self", address(page));
        links.put("first", address(1));
        links.put("prev", page > 1 ? address(Math.min(page - 1, pages())) : null);
        links.put("next", page < pages() ? address(page + 1) : null);
        links.put("last", address(pages()));
        return links;
    }

    /** The {@code Link} header: every link but self that exists. */
    String linkHeader() {
        StringJoiner header = new StringJoiner(", ");
        links().forEach((rel, href) -> {
            if (href != null && !rel.equals("self")) {
                header.add("<" + href + ">; rel=\"" + rel + "\"");
            }
        });
        return header.toString();
    }

    private String address(int number) {
        return base + "?page=" + number + "&per_page=" + size + filters;
    }
}
