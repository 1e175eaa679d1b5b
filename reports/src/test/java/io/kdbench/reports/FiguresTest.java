package io.kdbench.reports;

import io.kdbench.api.Role;
import io.kdbench.reports.charts.MethodStyles;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's figures read back from the files: colours, floors, intervals, units, order, one figure at a width. */
class FiguresTest {
    static final List<String> SAMPLE_METHODS = List.of("kd-attention", "vit-student", "small-cnn");

    @TempDir
    Path dir;

    @Test
    void aMethodHasTheSameColourInEveryChartAndNoTwoMethodsShareOneInAChart() throws IOException {
        Path index = ReportWriterTest.write(dir);
        Map<String, Map<String, String>> colours = ReportFileChecks.legendColours(index.resolveSibling("charts"), SAMPLE_METHODS);
        assertEquals(List.of(), ReportFileChecks.colourProblems(colours));
        // the first method of the experiment takes the first Okabe-Ito colour, in the per-metric figure and the cost plot alike
        assertEquals("#0072b2", colours.get("metrics-toy-blobs.svg").get("kd-attention"));
        assertEquals("#0072b2", colours.get("params-knee-fed.svg").get("kd-attention"));
        assertEquals("#d55e00", colours.get("loss-toy-blobs.svg").get("vit-student"));
        assertEquals("#009e73", colours.get("clients-knee-fed-auroc.svg").get("small-cnn"));
    }

    @Test
    void floorsAreGreyAndLabelledAndUpperBoundsLabelled() throws IOException {
        FakeCells cells = ReportWriterTest.learningSample();
        for (int s = 1; s <= 3; s++) {
            cells.ok("teacher", "toy", s, Map.of("auroc", 0.95));
        }
        cells.role("teacher", Role.UPPER_BOUND);
        Path index = new ReportWriter(MetricDirections.lowerIsBetter()).write(dir.resolve("report"), "roles", cells.cells(),
                Reported.NONE, "kdbench report");
        Map<String, String> legend = ReportFileChecks.legendColours(Files.readString(index.resolveSibling("charts")
                .resolve("metrics-toy.svg")), List.of("kd", "student", "prior (floor)", "teacher (upper bound)"));
        assertEquals("#555555", legend.get("prior (floor)"));
        assertEquals("#0072b2", legend.get("kd"));
        assertEquals("#d55e00", legend.get("student"));
        assertEquals("#009e73", legend.get("teacher (upper bound)"));
    }

    @Test
    void methodsOnDifferentDatasetsMayShareAColourButNeverOnOne() {
        FakeCells cells = new FakeCells().seeds("a", "d1", "auroc", 0.8, 0.9).seeds("b", "d1", "auroc", 0.7, 0.8)
                .seeds("c", "d2", "auroc", 0.6, 0.7).seeds("p", "d1", "auroc", 0.5, 0.5).seeds("p", "d2", "auroc", 0.5, 0.5)
                .role("p", Role.FLOOR);
        Leaderboard board = Leaderboard.of(cells.cells(), MetricDirections.lowerIsBetter());
        MethodStyles styles = MethodStyles.of(board, cells.cells());
        assertEquals(styles.style("a").colour(), styles.style("c").colour(), "a and c never meet: c takes the first colour");
        assertNotEquals(styles.style("a").colour(), styles.style("b").colour());
        assertEquals("p (floor)", styles.style("p").label());
    }

    @Test
    void intervalsOfDiceNearOneStayAtMostOneInEveryTableAndFile() throws IOException {
        // t interval of 0.97, 0.99, 1.0: 0.98667 +- 4.3027 * 0.01528 / sqrt 3 = [0.949, 1.025] -> cut at 1
        FakeCells cells = new FakeCells();
        double[][] dice = {{0.97, 0.99, 1.0}, {0.5, 0.6, 0.7}};
        double[][] hd95 = {{1.0, 3.0, 40.0}, {2.0, 2.5, 3.0}};
        String[] methods = {"seg", "base"};
        for (int m = 0; m < 2; m++) {
            for (int s = 0; s < 3; s++) {
                Map<String, Double> values = new java.util.LinkedHashMap<>();
                values.put("dice", dice[m][s]);
                values.put("hd95[monai]", hd95[m][s]);
                cells.ok(methods[m], "us", s + 1, values);
            }
        }
        Path index = new ReportWriter(MetricDirections.load()).write(dir.resolve("report"), "dice", cells.cells(),
                Reported.NONE, "kdbench report");
        assertEquals(List.of(), ReportFileChecks.intervalsOutsideRange(index.resolveSibling("intervals.csv")));
        String html = Files.readString(index);
        assertTrue(html.contains("CI [0.949, 1.000]"), html);
        assertTrue(html.contains("CI [0.000, "), "hd95 of 1, 3, 40 mm: the t interval reaches below 0, cut there");
        String md = Files.readString(index.resolveSibling("leaderboard.md"));
        assertTrue(md.contains("0.987 ± 0.015 [0.949, 1.000]"), md);
        assertTrue(md.contains("| method | dice ↑ | hd95[monai] (mm) ↓ | learned |"), md);
        assertTrue(html.contains("us: dice (mean over seeds) against parameters; the cost axis is logarithmic when the "
                + "costs span a factor of 10 or more ·"), "every method has parameters: none left out");
        assertEquals(List.of(), ReportFileChecks.axesWithoutUnits(index.resolveSibling("charts"), Map.of("hd95[monai]", "mm")));
        assertTrue(ReportFileChecks.texts(Files.readString(index.resolveSibling("charts").resolve("metrics-us.svg")))
                .contains("mm, lower is better"));
    }

    @Test
    void datasetsAndMethodsFollowTheExperimentsOrderEverywhere() throws IOException {
        ExperimentOrder order = new ExperimentOrder(List.of("knee-fed", "toy-blobs"), List.of("small-cnn", "kd-attention", "vit-student"));
        Path index = new ReportWriter(MetricDirections.lowerIsBetter()).write(dir.resolve("report"), "order",
                ReportWriterTest.sample().cells(), List.of(), Reported.NONE, order, "kdbench report");
        String html = Files.readString(index);
        assertTrue(html.indexOf("<h3>knee-fed</h3>") < html.indexOf("<h3>toy-blobs</h3>"), html);
        assertTrue(html.indexOf("charts/metrics-knee-fed.png") < html.indexOf("charts/metrics-toy-blobs.png"), html);
        String md = Files.readString(index.resolveSibling("leaderboard.md"));
        assertTrue(md.indexOf("| small-cnn |") < md.indexOf("| kd-attention |"), md);
        // the first method of the file takes the first colour
        Map<String, String> legend = ReportFileChecks.legendColours(Files.readString(index.resolveSibling("charts")
                .resolve("metrics-toy-blobs.svg")), SAMPLE_METHODS);
        assertEquals(List.of("small-cnn", "kd-attention", "vit-student"), List.copyOf(legend.keySet()));
        assertEquals("#0072b2", legend.get("small-cnn"));
    }

    @Test
    void oneFigureAtAChosenWidth() throws IOException {
        ReportWriter writer = new ReportWriter(MetricDirections.lowerIsBetter());
        Optional<int[]> size = writer.writeFigure(dir, "metrics-toy-blobs", Optional.of(252), ReportWriterTest.sample().cells(),
                ExperimentOrder.NONE);
        assertEquals(252, size.orElseThrow()[0]);
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.size(dir.resolve("metrics-toy-blobs." + ext)) > 1000, ext);
        }
        assertTrue(Files.readString(dir.resolve("metrics-toy-blobs.svg")).contains("width=\"252\""));
        assertEquals(504, javax.imageio.ImageIO.read(dir.resolve("metrics-toy-blobs.png").toFile()).getWidth());
        assertTrue(writer.writeFigure(dir, "no-such-figure", Optional.empty(), ReportWriterTest.sample().cells(),
                ExperimentOrder.NONE).isEmpty());
        assertTrue(writer.figureNames(ReportWriterTest.sample().cells(), ExperimentOrder.NONE).contains("loss-knee-fed"));
    }
}
