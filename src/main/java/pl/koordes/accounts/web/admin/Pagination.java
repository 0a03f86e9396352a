package pl.koordes.accounts.web.admin;

import java.util.ArrayList;
import java.util.List;
import pl.koordes.accounts.Paged;

/** Which page numbers a list's page links show: the first, the last and a few around the current one. */
public final class Pagination {

    /** Stands for the gap between distant page numbers. */
    public static final int GAP = 0;
    private static final int AROUND = 2;

    private Pagination() {
    }

    public static List<Integer> numbers(Paged<?> paged) {
        int last = paged.pages();
        int current = Math.max(1, Math.min(paged.number(), last));
        java.util.SortedSet<Integer> shown = new java.util.TreeSet<>(List.of(1, last));
        for (int n = Math.max(1, current - AROUND); n <= Math.min(last, current + AROUND); n++) {
            shown.add(n);
        }
        List<Integer> numbers = new ArrayList<>();
        int previous = 0;
        for (int n : shown) {
            if (n > previous + 1) {
                numbers.add(GAP);
            }
            numbers.add(n);
            previous = n;
        }
        return numbers;
    }
}
