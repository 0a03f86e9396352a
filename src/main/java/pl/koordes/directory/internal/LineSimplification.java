package pl.koordes.directory;

import java.util.ArrayList;
import java.util.List;

/** Douglas–Peucker line simplification: keeps the points that shape the outline at the map's scale. */
final class Simplify {

    private Simplify() {
    }

    static List<double[]> douglasPeucker(List<double[]> points, double tolerance) {
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
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
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

    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0], dy = b[1] - a[1];
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return Math.hypot(p[0] - a[0], p[1] - a[1]);
        }
        return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
    }
}
