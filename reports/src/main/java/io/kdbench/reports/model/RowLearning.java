package io.kdbench.reports.model;

import io.kdbench.learning.LearningVerdict;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether one method learned on one dataset, over its scored cells (one per seed), and what the row is for. The
 * one place that decides "did this row learn on every seed": the text, Markdown, LaTeX and HTML tables, the
 * best-row mark and the regression gate all ask it.
 *
 * @param floor      a floor (the label prior, a linear probe): a reference, not judged
 * @param upperBound an upper bound: declared so, or reads privileged data at test time
 * @param seeds      scored cells of the row
 * @param notLearned scored cells that cannot be cited: judged not learned or not judged, or stored without a
 *                   verdict (always 0 for floors)
 * @param noVerdict  of those, cells stored without a verdict (e.g. before cell schema 2): named apart, since
 *                   rerunning them is the fix
 */
public record RowLearning(boolean floor, boolean upperBound, int seeds, int notLearned, int noVerdict) {
    /** A row with no scored cell. */
    public static final RowLearning NONE = new RowLearning(false, false, 0, 0, 0);

    public static final String LEGEND_LEARNED = "learned: yes = on every seed, no (k/n) = k of n seeds did not learn, "
            + "floor = a reference, not judged";
    public static final String LEGEND_NOT_LEARNED = String.format(Locale.ROOT, "! did not learn on some seed (training "
            + "loss above %.1f x prior entropy or validation score not above the label prior, for segmentation on some "
            + "class too, or not judged): not evidence",
            LearningVerdict.LOSS_RATIO);
    public static final String LEGEND_UPPER_BOUND = "* upper bound (declared, or reads privileged data at test time): "
            + "not a fair competitor";
    public static final String LEGEND_FLOOR = "(floor) a reference such as the label prior: not a competitor";

    /** The row of the given scored cells (cells that are not OK are ignored). */
    public static RowLearning of(List<CellRecord> cells) {
        boolean floor = false;
        boolean upper = false;
        int seeds = 0;
        int notLearned = 0;
        int noVerdict = 0;
        for (CellRecord c : cells) {
            if (c.status() != CellStatus.OK) {
                continue;
            }
            seeds++;
            floor |= c.floor();
            upper |= c.upperBound();
            if (didNotLearn(c)) {
                notLearned++;
                noVerdict += c.learning() == null ? 1 : 0;
            }
        }
        return new RowLearning(floor, upper, seeds, notLearned, noVerdict);
    }

    /**
     * A scored cell that may not be cited: its verdict is NOT_LEARNED or UNJUDGED, or it has none. Floors are
     * references and are never "not learned".
     */
    public static boolean didNotLearn(CellRecord c) {
        return c.status() == CellStatus.OK && !c.floor() && !c.evidence();
    }

    /** Learned on every seed (or a floor): the row may be cited as evidence. */
    public boolean evidence() {
        return seeds > 0 && notLearned == 0;
    }

    /** A competitor that learned on every seed: only these get, or block, the best-row mark. */
    public boolean competes() {
        return evidence() && !floor && !upperBound;
    }

    /** The {@code learned} column: yes, no (k/n) or floor. */
    public String column() {
        return floor ? "floor" : notLearned == 0 ? "yes" : "no (" + notLearned + "/" + seeds + ")";
    }

    /** The method's name with its marks: {@code *} upper bound, {@code (floor)}, {@code !} did not learn. */
    public String label(String method) {
        return method + (upperBound ? " *" : "") + (floor ? " (floor)" : "") + (evidence() ? "" : " !");
    }

    /** "2 of 3 seeds", for sentences; "3 of 3 seeds, 3 without a verdict" when some cells have none. */
    public String notLearnedText() {
        return notLearned + " of " + seeds + (seeds == 1 ? " seed" : " seeds")
                + (noVerdict > 0 ? ", " + noVerdict + " without a verdict" : "");
    }

    /**
     * Two rows compared with each other: a row that did not learn is not evidence for or against the other.
     * "not evidence: a did not learn (1 of 3 seeds)", naming each such row; empty when both may be cited.
     */
    public static Optional<String> notEvidence(String a, RowLearning aLearning, String b, RowLearning bLearning) {
        List<String> rows = new ArrayList<>();
        if (!aLearning.evidence()) {
            rows.add(a + " did not learn (" + aLearning.notLearnedText() + ")");
        }
        if (!bLearning.evidence()) {
            rows.add(b + " did not learn (" + bLearning.notLearnedText() + ")");
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of("not evidence: " + String.join("; ", rows));
    }
}
