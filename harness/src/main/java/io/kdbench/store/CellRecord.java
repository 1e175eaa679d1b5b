package io.kdbench.store;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.learning.LearningVerdict;

import java.util.List;
import java.util.Map;

/**
 * The stored document of one finished grid cell ({@code cells/<hash>.json}). Built with {@link #builder}, which
 * names each field it sets; the components' order is the JSON document's.
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

    /**
     * A cell of this hash, spec, provenance and role: OK, with no timings, parameters, verdict, metrics, curves,
     * extras or probabilities until the builder sets them.
     */
    public static Builder builder(String hash, RunSpec spec, Provenance provenance, Role role) {
        return new Builder(hash, spec, provenance, role);
    }

    CellRecord withChecksum(String value) {
        return new CellRecord(schema, hash, status, reason, failedEpoch, spec, provenance, trainSeconds,
                inferenceSeconds, parameterCount, usesPrivilegedAtTest, role, learning, metrics, curves, extras, probabilities, value);
    }

    /** Sets the fields of a {@link CellRecord} by name; what it is not told stays as {@link #builder} says. */
    public static final class Builder {
        private final String hash;
        private final RunSpec spec;
        private final Provenance provenance;
        private final Role role;
        private int schema = SCHEMA;
        private CellStatus status = CellStatus.OK;
        private String reason = "";
        private int failedEpoch = -1;
        private double trainSeconds;
        private double inferenceSeconds;
        private long parameterCount;
        private boolean usesPrivilegedAtTest;
        private LearningVerdict learning;
        private Map<String, MetricResult> metrics = Map.of();
        private Map<String, List<Double>> curves = Map.of();
        private Map<String, Object> extras = Map.of();
        private Map<String, double[]> probabilities = Map.of();

        private Builder(String hash, RunSpec spec, Provenance provenance, Role role) {
            this.hash = hash;
            this.spec = spec;
            this.provenance = provenance;
            this.role = role;
        }

        /** Another document version (tests of old stores). */
        public Builder schema(int value) {
            schema = value;
            return this;
        }

        public Builder skipped(String why) {
            status = CellStatus.SKIPPED;
            reason = why;
            return this;
        }

        /** Failed, with why; {@code epoch} is where a loss diverged, or -1. */
        public Builder failed(String why, int epoch) {
            status = CellStatus.FAILED;
            reason = why;
            failedEpoch = epoch;
            return this;
        }

        public Builder seconds(double training, double inference) {
            trainSeconds = training;
            inferenceSeconds = inference;
            return this;
        }

        /** What the deployed model is: its parameter count and whether it reads privileged data at test. */
        public Builder model(long parameters, boolean privilegedAtTest) {
            parameterCount = parameters;
            usesPrivilegedAtTest = privilegedAtTest;
            return this;
        }

        public Builder learning(LearningVerdict value) {
            learning = value;
            return this;
        }

        public Builder metrics(Map<String, MetricResult> value) {
            metrics = value;
            return this;
        }

        public Builder curves(Map<String, List<Double>> value) {
            curves = value;
            return this;
        }

        public Builder extras(Map<String, Object> value) {
            extras = value;
            return this;
        }

        public Builder probabilities(Map<String, double[]> value) {
            probabilities = value;
            return this;
        }

        /** The record, without a checksum: the store sets it when it writes the cell. */
        public CellRecord build() {
            return new CellRecord(schema, hash, status, reason, failedEpoch, spec, provenance, trainSeconds,
                    inferenceSeconds, parameterCount, usesPrivilegedAtTest, role, learning, metrics, curves, extras,
                    probabilities, "");
        }
    }
}
