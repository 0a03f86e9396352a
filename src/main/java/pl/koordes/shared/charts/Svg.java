package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Small helpers for drawing: coordinates written with a dot and one decimal, marker outlines, cut labels. */
final class Svg {

    /** The size of chart text in SVG units (the style sheet sets the same). */
    static final double FONT = 14;

    /** About how wide a character of chart text is, to leave room for labels. */
    static final double CHAR_WIDTH = 7.6;

    private Svg() {}

    /** A coordinate for an SVG attribute: always a dot, never a locale's comma. */
    static String n(double value) {
        return BigDecimal.valueOf(value)
                .setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Roughly how wide this text is drawn. */
    static double width(String text) {
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /** The text cut to {@code max} characters with an ellipsis; the table beside the chart has it whole. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).strip() + "…";
    }

    /** A marker's outline centred on (x, y): 0 circle, 1 square, 2 triangle, 3 diamond, then again. */
    static String marker(int shape, double x, double y, double r) {
        return switch (shape % 4) {
            case 0 ->
                "M" + n(x - r) + " " + n(y) + "a" + n(r) + " " + n(r) + " 0 1 0 " + n(2 * r) + " 0a" + n(r) + " " + n(r)
                        + " 0 1 0 " + n(-2 * r) + " 0Z";
            case 1 -> "M" + n(x - r) + " " + n(y - r) + "h" + n(2 * r) + "v" + n(2 * r) + "h" + n(-2 * r) + "Z";
            case 2 ->
                "M" + n(x) + " " + n(y - r * 1.2) + "L" + n(x + r * 1.2) + " " + n(y + r) + "L" + n(x - r * 1.2) + " "
                        + n(y + r) + "Z";
            default ->
                "M" + n(x) + " " + n(y - r * 1.3) + "L" + n(x + r * 1.3) + " " + n(y) + "L" + n(x) + " "
                        + n(y + r * 1.3) + "L" + n(x - r * 1.3) + " " + n(y) + "Z";
        };
    }

    /** A lower-case identifier safe inside id attributes and url(#…) references. */
    static String checkId(String id) {
        if (!id.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("A chart id is lower-case letters, digits and hyphens: " + id);
        }
        return id.toLowerCase(Locale.ROOT);
    }
}
