package io.kdbench.reports.charts;

import org.jfree.chart.ui.Drawable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts written several at a time come out as when written one by one; a chart that cannot be drawn fails. */
class ChartFilesTest {
    private static Drawable box(Color color) {
        return (g, area) -> {
            g.setColor(color);
            g.fill(area);
        };
    }

    @Test
    void writingChartsTogetherGivesTheFilesOfWritingThemOneByOne(@TempDir Path dir) throws IOException {
        List<ChartFiles.Chart> charts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            charts.add(new ChartFiles.Chart("c" + i, box(new Color(40 * i, 100, 200)), 40, 30));
        }
        Path together = dir.resolve("together");
        Path single = dir.resolve("single");
        ChartFiles.writeAll(together, charts);
        for (ChartFiles.Chart c : charts) {
            ChartFiles.write(single, c);
        }
        for (ChartFiles.Chart c : charts) {
            // PNG and SVG are byte-stable; the PDF carries its creation time, so only its existence is checked
            assertArrayEquals(Files.readAllBytes(single.resolve(c.file(ChartFormat.PNG))),
                    Files.readAllBytes(together.resolve(c.file(ChartFormat.PNG))), c.name());
            assertArrayEquals(Files.readAllBytes(single.resolve(c.file(ChartFormat.SVG))),
                    Files.readAllBytes(together.resolve(c.file(ChartFormat.SVG))), c.name());
            assertTrue(Files.size(together.resolve(c.file(ChartFormat.PDF))) > 0, c.name());
        }
    }

    @Test
    void aChartThatCannotBeDrawnFailsTheWriteAfterTheOthersEnd(@TempDir Path dir) {
        Drawable broken = (g, area) -> {
            throw new IllegalStateException("no data to draw");
        };
        List<ChartFiles.Chart> charts = List.of(new ChartFiles.Chart("ok", box(Color.BLUE), 20, 20),
                new ChartFiles.Chart("broken", broken, 20, 20));
        IOException e = assertThrows(IOException.class, () -> ChartFiles.writeAll(dir, charts));
        assertTrue(e.getMessage().contains("no data to draw"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("ok.png")));
        assertTrue(Files.notExists(dir.resolve("broken.png")));
    }
}
