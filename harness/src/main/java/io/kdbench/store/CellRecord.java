package io.kdbench.store;

import io.kdbench.api.MetricResult;
import io.kdbench.run.RunSpec;

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
 * @param metrics              metric id to result (aggregates and per-case values)
 * @param curves               training curves, one value per epoch
 * @param extras               method-specific facts (e.g. bytes sent per federated round)
 * @param checksum             SHA-256 of the document without this field; detects truncation and edits
 */
public record CellRecord(int schema, String hash, CellStatus status, String reason, int failedEpoch, RunSpec spec,
                         Provenance provenance, double trainSeconds, double inferenceSeconds, long parameterCount,
                         boolean usesPrivilegedAtTest, Map<String, MetricResult> metrics,
                         Map<String, List<Double>> curves, Map<String, Object> extras, String checksum) {
    public static final int SCHEMA = 1;

    CellRecord withChecksum(String value) {
        return new CellRecord(schema, hash, status, reason, failedEpoch, spec, provenance, trainSeconds,
                inferenceSeconds, parameterCount, usesPrivilegedAtTest, metrics, curves, extras, value);
    }
}
