package io.kdbench.reports.html;

/**
 * A chart on the page: {@code charts/<name>.png} shown, {@code charts/<name>.svg} linked.
 *
 * @param width layout width in CSS pixels (the PNG has twice as many for sharpness)
 */
public record Figure(String name, String caption, int width) {
}
