package io.kdbench.datasets.partition;

import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Assigns training samples to federated clients named {@code client-0..client-(k-1)}: by the site already
 * on each sample, IID (stratified, equal sizes), or with Dirichlet(alpha) label skew (per class, the
 * class's samples are split over clients in Dirichlet-drawn proportions; small alpha = strong skew,
 * and a client may then receive no samples).
 */
public final class FederatedPartition {
    public enum Mode {
        NONE, SITE, IID, DIRICHLET;

        public static Mode parse(String s) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("federated must be one of none, site, iid, dirichlet; got '" + s + "'");
        }
    }

    private FederatedPartition() {
    }

    public static String clientName(int k) {
        return "client-" + k;
    }

    public static List<Sample> assign(List<Sample> samples, Mode mode, int clients, double alpha, long seed) {
        switch (mode) {
            case NONE:
                return samples;
            case SITE:
                for (Sample s : samples) {
                    if (s.client() == null || s.client().isBlank()) {
                        throw new IllegalArgumentException("federated=site but sample " + s.id() + " has no site");
                    }
                }
                return samples;
            case IID:
                return iid(samples, clients, seed);
            default:
                return dirichlet(samples, clients, alpha, seed);
        }
    }

    static List<Sample> iid(List<Sample> samples, int clients, long seed) {
        requireClients(clients);
        int[] strata = samples.stream().mapToInt(Samples::stratum).toArray();
        double[] equal = new double[clients];
        Arrays.fill(equal, 1);
        int[] part = StratifiedSplit.assign(strata, StratifiedSplit.countsFromFractions(samples.size(), equal), seed);
        List<Sample> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(samples.get(i).withClient(clientName(part[i])));
        }
        return out;
    }

    static List<Sample> dirichlet(List<Sample> samples, int clients, double alpha, long seed) {
        requireClients(clients);
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("alpha must be > 0, got " + alpha);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            byClass.computeIfAbsent(Samples.stratum(samples.get(i)), k -> new ArrayList<>()).add(i);
        }
        int[] client = new int[samples.size()];
        for (List<Integer> members : byClass.values()) {
            Integer[] order = StratifiedSplit.shuffled(members.size(), rng.nextLong());
            int[] counts = StratifiedSplit.countsFromFractions(members.size(), Dirichlet.sample(clients, alpha, rng));
            int j = 0;
            for (int c = 0; c < clients; c++) {
                for (int t = 0; t < counts[c]; t++, j++) {
                    client[members.get(order[j])] = c;
                }
            }
        }
        List<Sample> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(samples.get(i).withClient(clientName(client[i])));
        }
        return out;
    }

    private static void requireClients(int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be >= 1, got " + clients);
        }
    }
}
