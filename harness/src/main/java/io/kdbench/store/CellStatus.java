package io.kdbench.store;

/** How a cell ended. */
public enum CellStatus {
    /** Trained, predicted and scored. */
    OK,
    /** The method does not support the dataset's task; the reason is kept for the report. */
    SKIPPED,
    /** An error or a diverged loss; the reason (and epoch) is kept, and a rerun tries again. */
    FAILED
}
