package pl.koordes.shared.web;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a longer list, shown with {@code shared/pagination.jte}. Every module's paged list uses
 * this one type, so page numbers from the address are read and page links are drawn the same way everywhere.
 *
 * @param items what this page holds
 * @param number the page, counted from 1
 * @param size how many items a full page holds
 * @param total how many items all pages hold together
 */
public record Paged<T>(List<T> items, int number, int size, long total) {

    /** The most pages a list is ever split into, so that a page number typed in the address stays harmless. */
    public static final int MAX_PAGE = 100_000;

    /** Stands for page numbers left out in {@link #numbers()}. */
    public static final int GAP = 0;

    /** How many page links {@link #numbers()} shows on each side of the current page. */
    private static final int AROUND = 2;

    public Paged {
        items = List.copyOf(items);
        if (size < 1) {
            throw new IllegalArgumentException("A page holds at least one item");
        }
    }

    /** How many pages the list has: at least 1, so an empty list is one empty page. */
    public int pages() {
        return pages(total, size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** Page numbers to link: the first, the last and two around this one; {@link #GAP} where some are left out. */
    public List<Integer> numbers() {
        int last = pages();
        int current = Math.clamp(number, 1, last);
        List<Integer> numbers = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - current) <= AROUND) {
                if (previous != 0 && n - previous > 1) {
                    numbers.add(GAP);
                }
                numbers.add(n);
                previous = n;
            }
        }
        return numbers;
    }

    /** The 1-based page number from an address parameter; anything unreadable gives the first page. */
    public static int number(String parameter) {
        if (parameter == null || !parameter.matches("\\s*\\d{1,9}\\s*")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(parameter.trim())));
    }

    /** How many pages {@code total} items fill, {@code size} a page: at least 1, at most {@link #MAX_PAGE}. */
    public static int pages(long total, int size) {
        return total == 0 ? 1 : (int) Math.min(MAX_PAGE, (total + size - 1) / size);
    }

    /** The requested page moved into the list: below 1 gives the first page, past the end the last. */
    public static int within(int requested, long total, int size) {
        return Math.clamp(requested, 1, pages(total, size));
    }

    /** How many items come before page {@code number}: the SQL offset. */
    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }
}
