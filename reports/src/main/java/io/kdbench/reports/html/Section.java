package io.kdbench.reports.html;

/** The sections of the report page, in order, with their anchors. */
public enum Section {
    /** Only when the experiment states claims. */
    CLAIMS("claims", "Claims"),
    LEADERBOARD("leaderboard", "Leaderboard"),
    LEARNING("learning", "Did every row learn?"),
    TEACHERS("teachers", "Teachers"),
    SELECTION("selection", "Model selection"),
    REPORTED("reported", "Reported vs reproduced"),
    PER_METRIC("per-metric", "Per-seed values and intervals"),
    CRITICAL_DIFFERENCE("critical-difference", "Critical-difference diagrams"),
    TRAINING("training", "Training curves"),
    ATTENTION("attention", "Attention maps"),
    COST("cost", "Accuracy against cost"),
    CLIENTS("clients", "Federated clients"),
    NOT_SCORED("not-scored", "Skipped, failed and unreadable cells"),
    REPRODUCIBILITY("reproducibility", "Reproducibility");

    private final String anchor;
    private final String title;

    Section(String anchor, String title) {
        this.anchor = anchor;
        this.title = title;
    }

    public String anchor() {
        return anchor;
    }

    public String title() {
        return title;
    }
}
