package io.kdbench.reports.gate;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.RowLearning;
import io.kdbench.stats.Holm;
import io.kdbench.stats.PairedComparison;
import io.kdbench.stats.Summary;
import io.kdbench.store.CellRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The regression gate. For each method, dataset and metric present in both sets of cells it pairs the headline
 * values by seed and computes d = candidate - baseline, signed so that positive is better. The margin of
 * equivalence is {@code --margin} if given, otherwise the sample standard deviation of the baseline's values over
 * seeds: a change smaller than the seed-to-seed noise of one run is not a regression. Two one-sided paired
 * t-tests, at level alpha after Holm's adjustment over all rows, decide:
 * WORSE if mean(d) < -margin is significant, BETTER if mean(d) > margin is, SAME otherwise.
 * When every seed gives the same d (the t statistic is infinite), the sign of mean(d) ± margin alone decides.
 *
 * <p>Whether each row learned ({@link RowLearning}) comes first. Comparing stores: a baseline row that did not learn
 * on some seed is NOT_EVIDENCE; a candidate row that stopped learning where the baseline's learned on every seed is
 * WORSE, whatever the numbers. Comparing methods: if either row did not learn, NOT_EVIDENCE. Rows decided this way
 * are not tested, so their p-values stay out of Holm's family.
 */
public final class RegressionGate {
    public static final double ALPHA = 0.05;

    private final MetricDirections directions;
    private final OptionalDouble margin;
    private final double alpha;

    public RegressionGate(MetricDirections directions, OptionalDouble margin, double alpha) {
        if (margin.isPresent() && !(margin.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("--margin must be a number >= 0, got " + margin.getAsDouble());
        }
        this.directions = directions;
        this.margin = margin;
        this.alpha = alpha;
    }

    /** Same methods in two result folders: did the candidate (e.g. a code change) make any of them worse? */
    public GateResult compareStores(String baselineName, List<CellRecord> baseline, String candidateName,
                                    List<CellRecord> candidate) {
        Leaderboard b = Leaderboard.of(baseline, directions);
        Leaderboard c = Leaderboard.of(candidate, directions);
        List<Pair> pairs = new ArrayList<>();
        for (Leaderboard.Entry ce : c.entries()) {
            Leaderboard.Entry be = b.entry(ce.method(), ce.dataset(), ce.metric());
            if (be != null) {
                RowLearning bl = b.learning(ce.method(), ce.dataset());
                RowLearning cl = c.learning(ce.method(), ce.dataset());
                pairs.add(new Pair(ce.method(), be, ce, bl, cl, storesRule(bl, cl)));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no method, dataset and metric is scored in both " + baselineName
                    + " and " + candidateName);
        }
        return decide(baselineName, candidateName, pairs);
    }

    /** Two methods: is {@code method} (in {@code cells}) worse than {@code against} (in {@code againstCells})? */
    public GateResult compareMethods(String cellsName, List<CellRecord> cells, String method, String againstName,
                                     List<CellRecord> againstCells, String against) {
        Leaderboard c = Leaderboard.of(cells, directions);
        Leaderboard b = Leaderboard.of(againstCells, directions);
        if (c.entries().stream().noneMatch(e -> e.method().equals(method))) {
            throw new IllegalArgumentException("method '" + method + "' has no scored cell in " + cellsName
                    + " (methods there: " + String.join(", ", c.methods()) + ")");
        }
        if (b.entries().stream().noneMatch(e -> e.method().equals(against))) {
            throw new IllegalArgumentException("method '" + against + "' has no scored cell in " + againstName
                    + " (methods there: " + String.join(", ", b.methods()) + ")");
        }
        List<Pair> pairs = new ArrayList<>();
        for (Leaderboard.Entry ce : c.entries()) {
            if (!ce.method().equals(method)) {
                continue;
            }
            Leaderboard.Entry be = b.entry(against, ce.dataset(), ce.metric());
            if (be != null) {
                RowLearning bl = b.learning(against, ce.dataset());
                RowLearning cl = c.learning(method, ce.dataset());
                pairs.add(new Pair(method + " vs " + against, be, ce, bl, cl, methodsRule(method, cl, against, bl)));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("'" + method + "' and '" + against + "' share no dataset and metric");
        }
        return decide(againstName + " (" + against + ")", cellsName + " (" + method + ")", pairs);
    }

    /** @param learningRule the verdict the rows' learning decides, or null when the paired test decides */
    private record Pair(String label, Leaderboard.Entry baseline, Leaderboard.Entry candidate, RowLearning baselineLearning,
                        RowLearning candidateLearning, Decided learningRule) {
    }

    /** A verdict decided by whether the rows learned, with the reason. */
    private record Decided(Verdict verdict, String why) {
    }

    /** Same method in two folders: a baseline that did not learn proves nothing; a candidate that stops learning regressed. */
    private static Decided storesRule(RowLearning baseline, RowLearning candidate) {
        if (!baseline.evidence()) {
            return new Decided(Verdict.NOT_EVIDENCE, "not evidence: baseline row did not learn ("
                    + baseline.notLearnedText() + ")");
        }
        if (!candidate.evidence()) {
            return new Decided(Verdict.WORSE, "candidate row did not learn (" + candidate.notLearnedText()
                    + ") where the baseline row learned on every seed: a regression, whatever the numbers");
        }
        return null;
    }

    /** Two methods: a row that did not learn is not evidence for or against the other. */
    private static Decided methodsRule(String method, RowLearning candidate, String against, RowLearning baseline) {
        return RowLearning.notEvidence(method, candidate, against, baseline)
                .map(why -> new Decided(Verdict.NOT_EVIDENCE, why)).orElse(null);
    }

    private GateResult decide(String baselineName, String candidateName, List<Pair> pairs) {
        int n = pairs.size();
        double[] pWorse = new double[n];
        double[] pBetter = new double[n];
        Partial[] partial = new Partial[n];
        for (int i = 0; i < n; i++) {
            Pair p = pairs.get(i);
            partial[i] = p.learningRule == null ? test(p) : test(p).decided(p.learningRule);
            pWorse[i] = partial[i].pWorse;
            pBetter[i] = partial[i].pBetter;
        }
        // Holm over the rows that were tested; rows without a test keep p = NaN
        double[] hw = Holm.adjustTested(pWorse);
        double[] hb = Holm.adjustTested(pBetter);
        List<GateRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pair p = pairs.get(i);
            Partial t = partial[i];
            Verdict v = t.verdict != null ? t.verdict
                    : hw[i] < alpha ? Verdict.WORSE : hb[i] < alpha ? Verdict.BETTER : Verdict.SAME;
            rows.add(new GateRow(p.label, p.candidate.dataset(), p.candidate.metric(), t.seeds,
                    p.baselineLearning.column(), p.candidateLearning.column(), t.baselineMean,
                    t.candidateMean, t.improvement, t.margin, t.marginSource, t.dz, t.pValue, hw[i], hb[i], v, t.note));
        }
        return new GateResult(baselineName, candidateName, alpha, rows);
    }

    /** A row before Holm's adjustment; {@code verdict} is set only when the test alone decides (or cannot run). */
    private record Partial(int seeds, double baselineMean, double candidateMean, double improvement, double margin,
                           String marginSource, double dz, double pValue, double pWorse, double pBetter,
                           Verdict verdict, String note) {
        /** The same numbers, decided by the rows' learning: no test, so no p-values (NaN keeps them out of Holm). */
        Partial decided(Decided d) {
            return new Partial(seeds, baselineMean, candidateMean, improvement, margin, marginSource, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, d.verdict(), d.why());
        }
    }

    private Partial test(Pair p) {
        String metric = p.candidate.metric();
        long[] seeds = Arrays.stream(p.candidate.seeds()).filter(s -> !Double.isNaN(p.baseline.valueOf(s))).toArray();
        double[] c = Arrays.stream(seeds).mapToDouble(p.candidate::valueOf).toArray();
        double[] b = Arrays.stream(seeds).mapToDouble(p.baseline::valueOf).toArray();
        double bMean = Summary.of(b).mean();
        double cMean = Summary.of(c).mean();
        double delta = margin.orElse(p.baseline.sd());
        String source = margin.isPresent() ? "given" : "baseline sd";
        if (seeds.length < 2 || Double.isNaN(delta)) {
            String why = seeds.length < 2 ? seeds.length + " seed(s) in common; a paired test needs 2"
                    : "the baseline has 1 seed, so no sd to derive a margin from; pass --margin";
            return new Partial(seeds.length, bMean, cMean, directions.improvement(metric, cMean, bMean), delta, source,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.NOT_COMPARED, why);
        }
        double[] d = new double[seeds.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = directions.improvement(metric, c[i], b[i]);
        }
        Summary ds = Summary.of(d);
        if (ds.sd() == 0) {
            double m = ds.mean();
            Verdict v = m < -delta ? Verdict.WORSE : m > delta ? Verdict.BETTER : Verdict.SAME;
            return new Partial(seeds.length, bMean, cMean, m, delta, source, Double.NaN,
                    m == 0 ? 1 : 0, v == Verdict.WORSE ? 0 : 1, v == Verdict.BETTER ? 0 : 1, v,
                    "the same difference on every seed; decided by its sign and the margin");
        }
        double[] zeros = new double[d.length];
        PairedComparison raw = PairedComparison.of(d, zeros);
        PairedComparison worse = PairedComparison.of(shift(d, delta), zeros);   // H1: mean(d) + margin < 0
        PairedComparison better = PairedComparison.of(shift(d, -delta), zeros); // H1: mean(d) - margin > 0
        return new Partial(seeds.length, bMean, cMean, ds.mean(), delta, source, raw.cohensDz(), raw.tPValue(),
                oneSided(worse, false), oneSided(better, true), null, "");
    }

    private static double[] shift(double[] d, double by) {
        return Arrays.stream(d).map(v -> v + by).toArray();
    }

    /** One-sided p from a two-sided paired t-test: half the p in the hypothesised direction, 1 - half otherwise. */
    private static double oneSided(PairedComparison c, boolean greater) {
        boolean inDirection = greater ? c.t() > 0 : c.t() < 0;
        return inDirection ? c.tPValue() / 2 : 1 - c.tPValue() / 2;
    }
}
