package io.kdbench.reports.gate;

/**
 * One comparison of the gate. Differences are signed so that positive is better, whatever the metric's
 * direction.
 *
 * @param method        the candidate's method (in --method mode "NEW vs X")
 * @param seeds         paired seeds
 * @param baselineLearned  the baseline row's {@code learned} column: yes, no (k/n) or floor
 * @param candidateLearned the candidate row's {@code learned} column
 * @param baselineMean  mean over the paired seeds
 * @param candidateMean mean over the paired seeds
 * @param improvement   mean of candidate - baseline, signed so that positive is better
 * @param margin        the margin of equivalence
 * @param marginSource  "given" (--margin) or "baseline sd"
 * @param cohensDz      improvement / sd of the paired differences (NaN when they are all equal)
 * @param pValue        two-sided paired t-test of no difference
 * @param pWorse        one-sided p of "worse by more than the margin", Holm-adjusted over the rows
 * @param pBetter       one-sided p of "better by more than the margin", Holm-adjusted over the rows
 * @param note          why not compared or not evidence, how a degenerate case was decided, or that a row stopped
 *                      learning; empty otherwise
 */
public record GateRow(String method, String dataset, String metric, int seeds, String baselineLearned,
                      String candidateLearned, double baselineMean,
                      double candidateMean, double improvement, double margin, String marginSource, double cohensDz,
                      double pValue, double pWorse, double pBetter, Verdict verdict, String note) {
}
