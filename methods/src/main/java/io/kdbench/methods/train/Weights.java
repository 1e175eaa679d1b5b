package io.kdbench.methods.train;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies of a graph's named weights, to move models between federated clients and the server. */
public final class Weights {
    private Weights() {
    }

    public static Map<String, INDArray> snapshot(SameDiff sd, List<String> names) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, sd.getVariable(n).getArr().dup());
        }
        return out;
    }

    public static void load(SameDiff sd, Map<String, INDArray> weights) {
        weights.forEach((n, w) -> sd.getVariable(n).getArr().assign(w));
    }

    public static long parameterCount(Map<String, INDArray> weights) {
        return weights.values().stream().mapToLong(INDArray::length).sum();
    }

    /** Bytes to send these weights as 32-bit floats. */
    public static long bytes(Map<String, INDArray> weights) {
        return 4 * parameterCount(weights);
    }
}
