package pl.koordes.comments;

import java.util.List;

/**
 * One page of comments.
 *
 * @param number the page, counted from 1
 * @param size how many comments a full page holds
 * @param total how many comments all pages hold together
 */
public record CommentPage(List<Comment> items, int number, int size, long total) {

    /** The most pages a list is ever split into, so that a page number typed in the address stays harmless. */
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

    static long offset(int number, int size) {
        return (long) (number - 1) * size;
    }
}
