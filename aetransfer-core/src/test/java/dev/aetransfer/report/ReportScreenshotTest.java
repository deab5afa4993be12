package dev.aetransfer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aetransfer.testing.CraftedComparison;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Renders the sample report with headless Chromium through {@code bench/screenshot-report.sh}, as a
 * user's browser would show it. Skips where Chromium is not installed, CI included.
 */
@Tag("browser")
class ReportScreenshotTest {

    private static final Path SCRIPT = Path.of("..", "bench", "screenshot-report.sh");

    @Test
    void screenshot_sampleReport_rendersAPageWithContent() throws Exception {
        Assumptions.assumeTrue(onPath("chromium"), "chromium is not installed");
        Path directory = ComparisonReportTest.SAMPLE;
        ComparisonReport.ReportFiles files =
                ComparisonReport.write(CraftedComparison.probe(7), directory);
        Path png = directory.resolve("report.png");
        Files.deleteIfExists(png);

        Process process =
                new ProcessBuilder(
                                SCRIPT.toString(),
                                files.html().toString(),
                                png.toString(),
                                "1280x2400")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(2400);
        assertThat(colours(image)).as("distinct colours in the screenshot").isGreaterThan(50);
    }

    private static boolean onPath(String command) {
        for (String directory :
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
