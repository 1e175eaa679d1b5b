package io.kdbench.reports;

import io.kdbench.reports.html.Section;
import org.jfree.chart.ui.Drawable;

import java.util.function.IntUnaryOperator;

/**
 * One figure of the report before it is written: its file name (without extension), the page section and caption,
 * the drawing, its width on the page, and its height at any width (so it can be written at a paper's column width).
 */
public record ReportFigure(String name, Section section, String caption, Drawable drawing, int width,
                           IntUnaryOperator heightAt) {
    public int height() {
        return heightAt.applyAsInt(width);
    }
}
