package pl.koordes.directory.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Douglas–Peucker line simplification of the map's region outlines: keeps the points that shape the
 * outline at the map's scale and drops those closer than the tolerance to the simplified line.
 */
public final class LineSimplification {

    private LineSimplification() {}

    /** The points worth keeping, first and last always among them; fewer than four points stay as they are. */
    public static List<double[]> douglasPeucker(List<double[]> points, double tolerance) {
        if (points.size() < 4) {
            return points;
        }
        boolean[] keep = new boolean[points.size()];
        keep[0] = true;
        keep[points.size() - 1] = true;
        mark(points, 0, points.size() - 1, tolerance, keep);
        List<double[]> result = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (keep[i]) {
                result.add(points.get(i));
            }
        }
        return result;
    }

    private static void mark(List<double[]> points, int first, int last, double tolerance, boolean[] keep) {
        // An explicit stack instead of recursion: long borders must not exhaust the thread's stack.
        ArrayDeque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {first, last});
        while (!stack.isEmpty()) {
            int[] span = stack.pop();
            int a = span[0], b = span[1];
            double max = 0;
            int index = -1;
            for (int i = a + 1; i < b; i++) {
                double d = distance(points.get(i), points.get(a), points.get(b));
                if (d > max) {
                    max = d;
                    index = i;
                }
            }
            if (index >= 0 && max > tolerance) {
                keep[index] = true;
                stack.push(new int[] {a, index});
                stack.push(new int[] {index, b});
            }
        }
    }

    /** Distance of p from the line through a and b (from a when they coincide). */
    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return Math.hypot(p[0] - a[0], p[1] - a[1]);
        }
        return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
    }
}
