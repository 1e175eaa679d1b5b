package io.kdbench.reports.claims;

import io.kdbench.experiment.Claim;
import io.kdbench.stats.ClaimVerdict;
import io.kdbench.stats.Interval;

/**
 * One claim tested on stored cells. Differences are row - against, signed so that positive means the row is better.
 * Numbers that do not apply are NaN (parameter counts: -1): a parameter claim has no test, a claim decided before
 * the test (a row not scored, or one that did not learn) has no p.
 *
 * @param n                 paired seeds (both rows scored, the metric defined)
 * @param meanDifference    mean of the paired differences
 * @param interval          their 95% t interval, not adjusted
 * @param pValue            two-sided paired t p of "mean = boundary" (0, or -margin for not-worse)
 * @param holmP             p adjusted by Holm over the file's tested claims
 * @param mde               minimum detectable effect at n seeds (alpha 0.05 two-sided, power 0.8)
 * @param rowParameters     the row's deployed parameters on the dataset
 * @param againstParameters the other row's
 * @param reason            why this verdict, in a few words
 */
public record ClaimResult(Claim claim, int n, double meanDifference, Interval interval, double pValue, double holmP,
                          double mde, long rowParameters, long againstParameters, ClaimVerdict verdict, String reason) {
}
