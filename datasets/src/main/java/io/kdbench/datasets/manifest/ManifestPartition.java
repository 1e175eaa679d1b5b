package io.kdbench.datasets.manifest;

import io.kdbench.api.Seeds;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.partition.FederatedPartition;
import io.kdbench.datasets.partition.Samples;
import io.kdbench.datasets.partition.StratifiedSplit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns read cases into splits for one seed, reusing the partition tools:
 * <ol>
 * <li>rows with a split cell stay in it; labelled rows with an empty cell are split stratified (by class, or
 * multi-label pattern, and by site) into train / validation / test by {@code val_fraction} and
 * {@code test_fraction}; unlabelled rows with an empty cell go to train;</li>
 * <li>training samples get clients (site column, IID or Dirichlet label skew; unlabelled rows count as one class);</li>
 * <li>{@code labelled_fraction} of the labelled training samples keep their labels (stratified by class and client).</li>
 * </ol>
 * Train, validation and test must each end up with a sample (train: a labelled one), else a
 * {@link ManifestException} naming the split column. Order within each split is manifest order.
 */
final class ManifestPartition {
    static final String SEED_ID = "manifest";

    private final ManifestSettings settings;

    ManifestPartition(ManifestSettings settings) {
        this.settings = settings;
    }

    Splits split(List<ManifestCase> cases, long seed) {
        if (settings.clients() == FederatedPartition.Mode.SITE) {
            for (ManifestCase c : cases) {
                if (c.sample().client() == null) {
                    throw new ManifestException(settings.manifest(), c.row(), c.sample().id(), ManifestSettings.SITE,
                            "empty site, but clients = site needs one on every row");
                }
            }
        }
        List<List<Sample>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] assigned = assignOpenRows(cases, seed);
        for (int i = 0; i < cases.size(); i++) {
            parts.get(assigned[i]).add(cases.get(i).sample());
        }
        List<Sample> train = settings.training().apply(parts.get(0), SEED_ID, seed);
        Splits splits = new Splits(train, parts.get(1), parts.get(2), parts.get(3));
        requireNonEmpty(splits);
        return splits;
    }

    /** The split index (SplitName ordinal) of every case. */
    private int[] assignOpenRows(List<ManifestCase> cases, long seed) {
        int[] part = new int[cases.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ManifestCase c = cases.get(i);
            if (c.split() != null) {
                part[i] = c.split().ordinal();
            } else if (!c.sample().labelled()) {
                part[i] = SplitName.TRAIN.ordinal();
            } else {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            return part;
        }
        Map<String, Integer> sites = new HashMap<>();
        int[] strata = new int[open.size()];
        for (int j = 0; j < strata.length; j++) {
            Sample s = cases.get(open.get(j)).sample();
            int site = s.client() == null ? 0 : sites.computeIfAbsent(s.client(), k -> sites.size());
            strata[j] = site * 1_000_003 + Samples.stratum(s);
        }
        double val = settings.valFraction();
        double test = settings.testFraction();
        int[] counts = StratifiedSplit.countsFromFractions(open.size(), new double[] {1 - val - test, val, test});
        int[] openPart = StratifiedSplit.assign(strata, counts, Seeds.stream(SEED_ID, seed, 1));
        for (int j = 0; j < openPart.length; j++) {
            part[open.get(j)] = openPart[j];
        }
        return part;
    }

    private void requireNonEmpty(Splits s) {
        Path m = settings.manifest();
        if (s.labelledTrain().isEmpty()) {
            throw new ManifestException(m, "column 'split': no labelled training rows" + hint());
        }
        if (s.validation().isEmpty()) {
            throw new ManifestException(m, "column 'split': no validation rows" + hint());
        }
        if (s.test().isEmpty()) {
            throw new ManifestException(m, "column 'split': no test rows" + hint());
        }
    }

    private String hint() {
        return " (rows with an empty split cell are shared out with val_fraction " + settings.valFraction()
                + " and test_fraction " + settings.testFraction() + ")";
    }
}
