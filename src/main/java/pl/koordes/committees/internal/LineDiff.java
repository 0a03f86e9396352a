package pl.koordes.committees.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a text, line by line: the longest common subsequence of their lines, the
 * rest as removed or added lines. Enough for minutes of a few hundred lines; longer texts are compared as a whole
 * (everything removed, everything added) to keep the work bounded.
 */
public final class LineDiff {

    /** How a line fares: kept, removed from the older version or added in the newer. */
    public enum Change {
        KEPT,
        REMOVED,
        ADDED
    }

    public record Line(Change change, String text) {}

    /** Beyond this many lines on both sides, the comparison is not made line by line. */
    static final int MAX_LINES = 2000;

    private LineDiff() {}

    public static List<Line> of(String older, String newer) {
        String[] a = older.isEmpty() ? new String[0] : older.split("\\R", -1);
        String[] b = newer.isEmpty() ? new String[0] : newer.split("\\R", -1);
        List<Line> lines = new ArrayList<>();
        if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES / 4) {
            for (String line : a) {
                lines.add(new Line(Change.REMOVED, line));
            }
            for (String line : b) {
                lines.add(new Line(Change.ADDED, line));
            }
            return lines;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Change.KEPT, a[i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Change.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Change.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Change.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Change.ADDED, b[j++]));
        }
        return lines;
    }
}
