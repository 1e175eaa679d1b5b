package io.kdbench.reports.claims;

import io.kdbench.experiment.Claim;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.RowLearning;
import io.kdbench.stats.ClaimTest;
import io.kdbench.stats.ClaimVerdict;
import io.kdbench.stats.Holm;
import io.kdbench.stats.Interval;
import io.kdbench.store.CellRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tests an experiment's claims on stored cells. Rows are named as in the leaderboard (the method's label on the
 * dataset); values are each cell's headline value, paired by seed. In order:
 * <ol>
 * <li>a row without a scored cell on the dataset: inconclusive;</li>
 * <li>fewer-parameters: the stored parameter counts decide, reproduced or contradicted (deterministic, no test);</li>
 * <li>a metric claim where either row did not learn on some seed ({@link RowLearning#evidence()}, the leaderboard's
 *     {@code !}): not evidence;</li>
 * <li>fewer than 2 paired seeds: inconclusive;</li>
 * <li>otherwise the paired test ({@link ClaimTest}), its p adjusted by Holm over the file's tested claims. Claims
 *     decided before the test have no p and stay out of Holm's family.</li>
 * </ol>
 */
public final class ClaimsCheck {
    private ClaimsCheck() {
    }

    /** A claim's result before Holm's adjustment, with its test when it was tested. */
    private record Partial(ClaimResult result, ClaimTest test) {
    }

    public static List<ClaimResult> of(List<Claim> claims, List<CellRecord> cells, MetricDirections directions) {
        Leaderboard board = Leaderboard.of(cells, directions);
        List<Partial> partial = claims.stream().map(c -> partial(c, board, directions)).toList();
        double[] holm = Holm.adjustTested(partial.stream().mapToDouble(p -> p.result().pValue()).toArray());
        List<ClaimResult> out = new ArrayList<>();
        for (int i = 0; i < partial.size(); i++) {
            ClaimResult r = partial.get(i).result();
            ClaimTest t = partial.get(i).test();
            if (Double.isNaN(r.pValue())) {
                out.add(r);
                continue;
            }
            ClaimVerdict v = t.verdict(holm[i]);
            out.add(new ClaimResult(r.claim(), r.n(), r.meanDifference(), r.interval(), r.pValue(), holm[i], r.mde(),
                    r.rowParameters(), r.againstParameters(), v, reason(v, t)));
        }
        return out;
    }

    private static Partial partial(Claim c, Leaderboard board, MetricDirections directions) {
        RowLearning row = board.learning(c.row(), c.dataset());
        RowLearning against = board.learning(c.against(), c.dataset());
        String unscored = row.seeds() == 0 ? c.row() : against.seeds() == 0 ? c.against() : null;
        if (unscored != null) {
            return decided(c, board, 0, null, ClaimVerdict.INCONCLUSIVE, "no scored cell of " + unscored + " on "
                    + c.dataset());
        }
        if (c.expect() == Claim.Expect.FEWER_PARAMETERS) {
            long r = parameters(board, c.row(), c);
            long a = parameters(board, c.against(), c);
            return decided(c, board, 0, null, ClaimVerdict.fewerParameters(r, a, c.atMostFraction()),
                    String.format(Locale.ROOT, "%,d vs %,d parameters: %.2fx", r, a, (double) r / a)
                            + (Double.isNaN(c.atMostFraction()) ? ""
                            : String.format(Locale.ROOT, " (claimed: at most %.2fx)", c.atMostFraction())));
        }
        double[] d = differences(c, board, directions);
        ClaimTest test = d.length >= 2 ? ClaimTest.of(d, c.expect() == Claim.Expect.NOT_WORSE ? -c.margin() : 0) : null;
        Optional<String> notEvidence = RowLearning.notEvidence(c.row(), row, c.against(), against);
        if (notEvidence.isPresent()) {
            return decided(c, board, d.length, test, ClaimVerdict.NOT_EVIDENCE, notEvidence.get());
        }
        if (test == null) {
            return decided(c, board, d.length, null, ClaimVerdict.INCONCLUSIVE,
                    d.length + " paired seed(s) with a defined " + c.metric() + "; a paired test needs 2");
        }
        return new Partial(result(c, board, test.n(), test, test.pValue(), null, ""), test);
    }

    /** A result decided without a test: no p; {@code descriptive} (may be null) gives the paired numbers shown. */
    private static Partial decided(Claim c, Leaderboard board, int n, ClaimTest descriptive, ClaimVerdict verdict,
                                   String why) {
        return new Partial(result(c, board, n, descriptive, Double.NaN, verdict, why), null);
    }

    private static ClaimResult result(Claim c, Leaderboard board, int n, ClaimTest numbers, double p, ClaimVerdict verdict,
                                      String why) {
        boolean none = numbers == null;
        return new ClaimResult(c, n, none ? Double.NaN : numbers.meanDifference(),
                none ? new Interval(Double.NaN, Double.NaN, 1 - ClaimTest.ALPHA) : numbers.interval(), p, Double.NaN,
                none ? Double.NaN : numbers.minimumDetectableEffect(), parameters(board, c.row(), c),
                parameters(board, c.against(), c), verdict, why);
    }

    /** The row's deployed parameters on the claim's dataset; -1 when it has no scored cell there. */
    private static long parameters(Leaderboard board, String row, Claim c) {
        return board.parameterCount(row, c.dataset()).orElse(-1L);
    }

    /** Row - against on each seed where both have a defined value, signed so that positive means the row is better. */
    private static double[] differences(Claim c, Leaderboard board, MetricDirections directions) {
        Leaderboard.Entry row = board.entry(c.row(), c.dataset(), c.metric());
        Leaderboard.Entry against = board.entry(c.against(), c.dataset(), c.metric());
        if (row == null || against == null) {
            return new double[0];
        }
        return Arrays.stream(row.seeds()).filter(s -> !Double.isNaN(against.valueOf(s)))
                .mapToDouble(s -> directions.improvement(c.metric(), row.valueOf(s), against.valueOf(s))).toArray();
    }

    private static String reason(ClaimVerdict v, ClaimTest t) {
        String boundary = t.boundary() == 0 ? "0" : String.format(Locale.ROOT, "-margin (%.3f)", t.boundary());
        return switch (v) {
            case REPRODUCED -> "Holm p < 0.05, mean above " + boundary;
            case CONTRADICTED -> "Holm p < 0.05, mean below " + boundary;
            default -> String.format(Locale.ROOT, "Holm p >= 0.05; %d seeds find only a mean at least %.3f (MDE) away "
                    + "from %s", t.n(), t.minimumDetectableEffect(), boundary);
        };
    }
}
