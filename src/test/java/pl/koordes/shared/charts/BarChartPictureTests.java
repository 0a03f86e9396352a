package pl.koordes.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The report PDF's chart picture: the view box's proportions, the bars drawn where the view puts them. */
class BarChartPictureTests {

    @Test
    void drawsEachBarWhereTheViewPutsIt() throws Exception {
        BarChartView view = BarChart.of("godziny", "Godziny doradztwa")
                .unit("godz.")
                .bar("Małopolskie", new BigDecimal("12.5"))
                .bar("Śląskie", new BigDecimal("4"))
                .bar("Opolskie", null)
                .view(ChartSamples.polish());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BarChartPicture.png(view)));
        double[] size = BarChartPicture.size(view);
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(size[0] * 3));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(size[1] * 3));
        assertThat(BarChartPicture.heightCm(view, 10))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", 10 * size[1] / size[0]));
        for (BarChartView.Bar bar : view.bars()) {
            int x = (int) ((Double.parseDouble(bar.x()) + 2) * 3);
            int y = (int) ((Double.parseDouble(bar.y()) + Double.parseDouble(bar.height()) / 2) * 3);
            int colour = image.getRGB(x, y) & 0xffffff;
            // A bar of the site's chart blue where there is a value, the white background where there is none.
            assertThat(colour).isEqualTo(bar.hasValue() ? 0x0b4f8a : 0xffffff);
        }
    }

    @Test
    void anEmptyChartIsABlankPicture() throws Exception {
        BarChartView view = BarChart.of("pusta", "Pusta").view(ChartSamples.polish());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BarChartPicture.png(view)));
        assertThat(image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff)
                .isEqualTo(0xffffff);
    }
}
