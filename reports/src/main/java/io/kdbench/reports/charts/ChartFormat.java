package io.kdbench.reports.charts;

/** The files each chart is written as: PNG for the page, SVG and PDF (both vector) for papers. */
public enum ChartFormat {
    PNG("png"),
    SVG("svg"),
    PDF("pdf");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
