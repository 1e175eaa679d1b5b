package io.kdbench.store;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.learning.LearningVerdict;

import java.util.List;
import java.util.Map;

/**
 * The stored document of one finished grid cell ({@code cells/<hash>.json}).
 *
 * @param schema               document version
 * @param hash                 the cell's name: hash of spec, code version and backend
 * @param status               OK, SKIPPED or FAILED
 * @param reason               why skipped or failed (empty when OK)
 * @param failedEpoch          the epoch a loss diverged at, or -1
 * @param spec                 what was run
 * @param provenance           where it ran
 * @param trainSeconds         wall time of training
 * @param inferenceSeconds     wall time of prediction on the test split
 * @param parameterCount       parameters of the deployed (student) model
 * @param usesPrivilegedAtTest true for upper-bound rows that read privileged data at test
 * @param role                 floor, competitor or upper bound (the method's declaration)
 * @param learning             the harness's verdict on whether the model learned (null for skipped and failed cells)
 * @param metrics              metric id to result (aggregates and per-case values)
 * @param curves               training curves, one value per epoch
 * @param extras               method-specific facts (e.g. bytes sent per federated round)
 * @param probabilities        per test case, the predicted class probabilities (classification only), so that
 *                             set-level metrics such as AUROC can be recomputed, bootstrapped or paired by case
 * @param checksum             SHA-256 of the document without this field; detects truncation and edits
 */
public record CellRecord(int schema, String hash, CellStatus status, String reason, int failedEpoch, RunSpec spec,
                         Provenance provenance, double trainSeconds, double inferenceSeconds, long parameterCount,
                         boolean usesPrivilegedAtTest, Role role, LearningVerdict learning,
                         Map<String, MetricResult> metrics,
                         Map<String, List<Double>> curves, Map<String, Object> extras,
                         Map<String, double[]> probabilities, String checksum) {
    public static final int SCHEMA = 2;

    /** Whether the row is an upper bound: declared so, or reading privileged data at test time. */
    public boolean upperBound() {
        return role == Role.UPPER_BOUND || usesPrivilegedAtTest;
    }

    public boolean floor() {
        return role == Role.FLOOR;
    }

    /**
     * Whether this cell may be cited as evidence: scored, and judged learned (or a floor, which is a reference).
     * A cell without a verdict (not judged) is not evidence.
     */
    public boolean evidence() {
        return status == CellStatus.OK && learning != null && learning.evidence();
    }

    CellRecord withChecksum(String value) {
        return new CellRecord(schema, hash, status, reason, failedEpoch, spec, provenance, trainSeconds,
                inferenceSeconds, parameterCount, usesPrivilegedAtTest, role, learning, metrics, curves, extras, probabilities, value);
    }
}
