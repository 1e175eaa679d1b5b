package io.kdbench.datasets.partition;

import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.data.Sample;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last steps of partitioning a real dataset's training split, the same for every file format: clients
 * ({@link FederatedPartition}, seed stream 2), then {@code labelled_fraction} of the labelled samples keep their
 * labels ({@link LabelledFraction}, stratified by class and client, stream 3). Order is kept.
 */
public record TrainingPartition(double labelledFraction, FederatedPartition.Mode clients, int nClients, double alpha) {

    /** The parameters labelled_fraction, clients, n_clients and alpha, checked; {@code modes} are the clients allowed. */
    public static TrainingPartition of(Params p, List<String> modes) {
        double labelled = p.getDouble("labelled_fraction");
        require(labelled > 0 && labelled <= 1, "labelled_fraction must be in (0, 1], got " + labelled);
        String given = p.getString("clients");
        require(modes.contains(given.toLowerCase(java.util.Locale.ROOT)), "clients must be one of "
                + String.join(", ", modes) + "; got '" + given + "'");
        int nClients = p.getInt("n_clients");
        require(nClients >= 1, "n_clients must be >= 1, got " + nClients);
        double alpha = p.getDouble("alpha");
        require(alpha > 0, "alpha must be > 0, got " + alpha);
        return new TrainingPartition(labelled, FederatedPartition.Mode.parse(given), nClients, alpha);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @param owner the seed owner (the dataset), so two datasets draw independent streams */
    public List<Sample> apply(List<Sample> train, String owner, long seed) {
        List<Sample> assigned = FederatedPartition.assign(train, clients, nClients, alpha, Seeds.stream(owner, seed, 2));
        List<Sample> labelled = assigned.stream().filter(Sample::labelled).toList();
        List<Sample> kept = LabelledFraction.apply(labelled, labelledFraction, Seeds.stream(owner, seed, 3));
        Set<String> unlabelled = new HashSet<>();
        for (Sample s : kept) {
            if (!s.labelled()) {
                unlabelled.add(s.id());
            }
        }
        return assigned.stream().map(s -> unlabelled.contains(s.id()) ? Samples.unlabelled(s) : s).toList();
    }
}
