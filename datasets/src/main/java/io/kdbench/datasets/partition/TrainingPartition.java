package io.kdbench.datasets.partition;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
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

    /**
     * The parameters labelled_fraction, clients, n_clients and alpha; {@code modes} are the clients allowed (any
     * case), {@code site} what clients=site means if allowed.
     */
    public static ParamSpec parameters(List<String> modes) {
        return ParamSpec.of(
                Param.of("labelled_fraction", 1.0, "share of labelled training samples that keep their labels")
                        .in(0, false, 1, true),
                Param.of("clients", "none", "split the training samples into clients: none, "
                        + (modes.contains("site") ? "site (the site column), " : "") + "iid or dirichlet (label skew)")
                        .described("one of " + String.join(", ", modes)),
                Param.of("n_clients", 4, "clients for iid and dirichlet").atLeast(1),
                Param.of("alpha", 0.5, "Dirichlet concentration for clients=dirichlet (small = strong label skew)")
                        .positive());
    }

    /** Reads the parameters of {@link #parameters} (ranges checked there) and checks the clients' mode. */
    public static TrainingPartition of(Params p, List<String> modes) {
        String given = p.getString("clients");
        require(modes.contains(given.toLowerCase(java.util.Locale.ROOT)), "clients must be one of "
                + String.join(", ", modes) + "; got '" + given + "'");
        return new TrainingPartition(p.getDouble("labelled_fraction"), FederatedPartition.Mode.parse(given),
                p.getInt("n_clients"), p.getDouble("alpha"));
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
