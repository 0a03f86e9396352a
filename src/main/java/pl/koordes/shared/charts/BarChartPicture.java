package pl.koordes.shared.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * The same bar chart as {@code shared/charts/barChart.jte} draws in SVG, as a PNG picture, for documents whose
 * renderer draws no SVG (the report's PDF: openhtmltopdf embeds pictures, and gives each its {@code alt} text as the
 * figure's alternative description). It follows the view's geometry and the site's chart colours, so the printed
 * chart looks like the one on the page; the text is DejaVu Sans, the font the PDF embeds.
 */
public final class BarChartPicture {

    /** Pixels per unit of the view box: 360 units become 1,080 pixels, sharp at 10 cm in print (about 270 dpi). */
    private static final double SCALE = 3;

    private static final Color INK = new Color(0x1b1f24);
    private static final Color MUTED = new Color(0x4a5360);
    private static final Color LINE = new Color(0xc9d2dc);
    private static final Color BAR = new Color(0x0b4f8a);
    private static final Color ACCENT = new Color(0xa3331b);

    private static final Font REGULAR = font("/fonts/DejaVuSans.ttf");
    private static final Font BOLD = font("/fonts/DejaVuSans-Bold.ttf");
    /** The size of the chart's text in view-box units, as the page's style sheet gives it. */
    private static final float TEXT_SIZE = 14f;

    private BarChartPicture() {}

    /** The picture's width and height in view-box units, read from the view box ("0 0 w h"). */
    public static double[] size(BarChartView chart) {
        String[] box = chart.viewBox().trim().split("\\s+");
        return new double[] {Double.parseDouble(box[2]), Double.parseDouble(box[3])};
    }

    /** The picture's height in centimetres when printed {@code widthCm} wide, for the {@code <img>}'s style. */
    public static String heightCm(BarChartView chart, double widthCm) {
        double[] size = size(chart);
        return String.format(Locale.ROOT, "%.2f", widthCm * size[1] / size[0]);
    }

    /** The chart as a {@code data:image/png;base64,…} address, for an {@code <img>} of a document. */
    public static String dataUri(BarChartView chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }

    /** The chart as PNG bytes; an empty chart (no category has a value) is not drawn, its text says so. */
    public static byte[] png(BarChartView chart) {
        double[] size = size(chart);
        BufferedImage image = new BufferedImage(
                (int) Math.ceil(size[0] * SCALE), (int) Math.ceil(size[1] * SCALE), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.scale(SCALE, SCALE);
            draw(g, chart);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, BarChartView chart) {
        if (chart.empty()) {
            return;
        }
        double top = n(chart.gridTop());
        double bottom = n(chart.gridBottom());
        g.setStroke(new BasicStroke(1f));
        for (BarChartView.Tick tick : chart.ticks()) {
            g.setColor(LINE);
            g.draw(new Line2D.Double(n(tick.x()), top, n(tick.x()), bottom));
            text(g, tick.label(), REGULAR, MUTED, n(tick.x()), n(chart.axisLabelY()), "middle", false);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(n(chart.zeroX()), top, n(chart.zeroX()), bottom));
        for (BarChartView.Bar bar : chart.bars()) {
            if (bar.hasValue()) {
                g.setColor(BAR);
                g.fill(new Rectangle2D.Double(n(bar.x()), n(bar.y()), n(bar.width()), n(bar.height())));
            }
            text(g, bar.label(), BOLD, INK, 10, n(bar.labelY()), "start", true);
            text(
                    g,
                    bar.text(),
                    bar.hasValue() ? BOLD : REGULAR,
                    bar.hasValue() ? INK : MUTED,
                    n(bar.textX()),
                    n(bar.textY()),
                    "start",
                    true);
        }
        BarChartView.Reference reference = chart.reference();
        if (reference != null) {
            g.setColor(ACCENT);
            g.setStroke(
                    new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.draw(new Line2D.Double(n(reference.x()), n(reference.y1()), n(reference.x()), n(reference.y2())));
            text(
                    g,
                    reference.label() + ": " + reference.text(),
                    BOLD,
                    ACCENT,
                    n(reference.labelX()),
                    n(reference.labelY()),
                    reference.anchor(),
                    true);
        }
    }

    /**
     * Draws a text on its baseline at (x, y), anchored as SVG's {@code text-anchor}; with a halo, a white outline
     * under the letters (the page's {@code paint-order: stroke}), so a name stays readable across a bar or a line.
     */
    private static void text(
            Graphics2D g, String text, Font font, Color colour, double x, double y, String anchor, boolean halo) {
        if (text.isEmpty()) {
            return;
        }
        FontRenderContext context = g.getFontRenderContext();
        TextLayout layout = new TextLayout(text, font.deriveFont(TEXT_SIZE), context);
        double width = layout.getAdvance();
        double left = switch (anchor) {
            case "middle" -> x - width / 2;
            case "end" -> x - width;
            default -> x;
        };
        Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(left, y));
        if (halo) {
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(colour);
        g.fill(outline);
    }

    private static double n(String number) {
        return Double.parseDouble(number);
    }

    private static Font font(String resource) {
        try (InputStream in = Objects.requireNonNull(
                BarChartPicture.class.getResourceAsStream(resource), resource + " is on the class path")) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(resource + " is not a TrueType font", e);
        }
    }
}
