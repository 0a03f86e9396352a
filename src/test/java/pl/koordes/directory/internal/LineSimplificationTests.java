package pl.koordes.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's outlines keep their shape and lose the points that do not show at the map's scale. */
class LineSimplificationTests {

    @Test
    void pointsCloseToAStraightLineGoAndTheEndsStay() {
        List<double[]> line = List.of(p(0, 0), p(1, 0.1), p(2, -0.1), p(3, 0.05), p(4, 0));

        List<double[]> simple = LineSimplification.douglasPeucker(line, 0.5);

        assertThat(simple).containsExactly(line.getFirst(), line.getLast());
    }

    @Test
    void aCornerFartherThanTheToleranceStays() {
        List<double[]> corner = List.of(p(0, 0), p(1, 0.1), p(2, 5), p(3, 0.1), p(4, 0));

        List<double[]> simple = LineSimplification.douglasPeucker(corner, 1);

        assertThat(simple).containsExactly(corner.get(0), corner.get(2), corner.get(4));
    }

    @Test
    void fewerThanFourPointsStayAsTheyAre() {
        List<double[]> short_ = List.of(p(0, 0), p(1, 0.01), p(2, 0));

        assertThat(LineSimplification.douglasPeucker(short_, 10)).isSameAs(short_);
    }

    @Test
    void aClosedOutlineWhoseEndsMeetKeepsItsFarthestPoint() {
        List<double[]> ring = List.of(p(0, 0), p(4, 0), p(4, 4), p(0, 4), p(0, 0));

        List<double[]> simple = LineSimplification.douglasPeucker(ring, 0.5);

        assertThat(simple).hasSizeGreaterThan(2).contains(ring.get(2));
    }

    @Test
    void aLongBorderNeedsNoDeepRecursion() {
        // Every point of a zigzag matters, and each split peels off one: a recursive implementation
        // would go as deep as the border is long.
        List<double[]> zigzag = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            zigzag.add(p(i, i % 2 == 0 ? 0 : 10));
        }

        List<double[]> simple = LineSimplification.douglasPeucker(zigzag, 1);

        assertThat(simple).hasSize(zigzag.size());
    }

    private static double[] p(double x, double y) {
        return new double[] {x, y};
    }
}
