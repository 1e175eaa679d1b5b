package io.kdbench.metrics.segmentation;

/**
 * One class's value for one case.
 *
 * @param value     NaN when undefined under the empty policy
 * @param penalised true when the empty-case rule set the value rather than the formula
 */
public record CaseValue(double value, boolean penalised) {
    static CaseValue computed(double value) {
        return new CaseValue(value, false);
    }

    static CaseValue penalty(double value) {
        return new CaseValue(value, true);
    }

    static final CaseValue UNDEFINED = new CaseValue(Double.NaN, false);
}
