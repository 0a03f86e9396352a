package pl.koordes.content.internal;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page, counted from 1
 * @param size how many items a full page holds
 * @param total how many items all pages hold together
 */
public record Slice<T>(List<T> items, int number, int size, long total) {

    /** The most pages a list is split into, so that a page number typed in the address stays harmless. */
    public static final int MAX_PAGE = 100_000;

    public int pages() {
        return total == 0 ? 1 : (int) Math.min(MAX_PAGE, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** The 1-based page number from an address parameter; anything unreadable gives the first page. */
    public static int number(String parameter) {
        if (parameter == null || !parameter.matches("\\s*\\d{1,9}\\s*")) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(parameter.trim())));
    }

    /** Page numbers to link: the first, the last and two around this one; {@link #GAP} where some are left out. */
    public List<Integer> numbers() {
        java.util.ArrayList<Integer> numbers = new java.util.ArrayList<>();
        int last = pages();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - number) <= 2) {
                if (previous != 0 && n - previous > 1) {
                    numbers.add(GAP);
                }
                numbers.add(n);
                previous = n;
            }
        }
        return numbers;
    }

    /** Stands for page numbers left out in {@link #numbers()}. */
    public static final int GAP = 0;

    public static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }
}
