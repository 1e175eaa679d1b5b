package io.kdbench.methods.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Federated averaging (McMahan et al. 2017): w = sum_k (n_k / sum n) w_k, per named weight. */
public final class FederatedAveraging {
    private FederatedAveraging() {
    }

    public static Map<String, INDArray> average(List<Map<String, INDArray>> clients, long[] sampleCounts) {
        if (clients.isEmpty() || clients.size() != sampleCounts.length) {
            throw new IllegalArgumentException("need one sample count per client, got " + clients.size() + " models and "
                    + sampleCounts.length + " counts");
        }
        long total = 0;
        for (long n : sampleCounts) {
            total += n;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("sample counts must sum to > 0");
        }
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : clients.get(0).keySet()) {
            INDArray sum = clients.get(0).get(name).mul((double) sampleCounts[0] / total);
            for (int k = 1; k < clients.size(); k++) {
                sum.addi(clients.get(k).get(name).mul((double) sampleCounts[k] / total));
            }
            out.put(name, sum);
        }
        return out;
    }
}
