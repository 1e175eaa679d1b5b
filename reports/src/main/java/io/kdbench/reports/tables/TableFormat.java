package io.kdbench.reports.tables;

/** The paper-table formats of the leaderboard. */
public enum TableFormat {
    MARKDOWN("leaderboard.md"),
    LATEX("leaderboard.tex");

    private final String fileName;

    TableFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
