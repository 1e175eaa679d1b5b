package io.kdbench.datasets.partition;

import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the labels of a fraction of the training samples (stratified by class, and by client when samples
 * have one) and turns the rest into the unlabelled pool, for few-shot and semi-supervised methods.
 */
public final class LabelledFraction {
    private LabelledFraction() {
    }

    /** At least one sample stays labelled when the fraction is above 0; fraction 1 changes nothing. */
    public static List<Sample> apply(List<Sample> train, double fraction, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("labelled_fraction must be in [0, 1], got " + fraction);
        }
        if (fraction >= 1 || train.isEmpty()) {
            return train;
        }
        int n = train.size();
        int labelled = fraction == 0 ? 0 : Math.max(1, (int) Math.round(n * fraction));
        int[] strata = strata(train);
        int[] part = StratifiedSplit.assign(strata, new int[] {labelled, n - labelled}, seed);
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(part[i] == 0 ? train.get(i) : Samples.unlabelled(train.get(i)));
        }
        return out;
    }

    private static int[] strata(List<Sample> samples) {
        Map<String, Integer> clientIndex = new HashMap<>();
        int[] strata = new int[samples.size()];
        for (int i = 0; i < strata.length; i++) {
            Sample s = samples.get(i);
            int client = s.client() == null ? 0 : clientIndex.computeIfAbsent(s.client(), c -> clientIndex.size());
            strata[i] = client * 1_000_003 + Samples.stratum(s);
        }
        return strata;
    }
}
