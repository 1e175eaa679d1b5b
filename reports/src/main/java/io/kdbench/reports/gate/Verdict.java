package io.kdbench.reports.gate;

/** What the gate says about one method, dataset and metric. */
public enum Verdict {
    /** Significantly better than the baseline by more than the margin. */
    BETTER,
    /** Neither significantly better nor significantly worse beyond the margin. */
    SAME,
    /** Significantly worse than the baseline by more than the margin: the gate fails. */
    WORSE,
    /** Fewer than two seeds in common, so no paired test. */
    NOT_COMPARED,
    /**
     * A row that did not learn on some seed is compared (the baseline's, or either in --method mode): its numbers
     * are no evidence either way. Listed with the reason; does not fail the gate; not tested.
     */
    NOT_EVIDENCE
}
