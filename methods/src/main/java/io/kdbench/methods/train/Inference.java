package io.kdbench.methods.train;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a trained graph over samples in batches and collects named outputs of shape [B, K] as rows. */
public final class Inference {
    private Inference() {
    }

    /** One double[n][K] per output name, in the order given. */
    public static Map<String, double[][]> rows(SameDiff sd, int sampleCount, int batchSize, BatchMaker batches,
                                               List<String> outputs) {
        Map<String, double[][]> result = new HashMap<>();
        for (String name : outputs) {
            result.put(name, new double[sampleCount][]);
        }
        int[] all = new int[sampleCount];
        Arrays.setAll(all, i -> i);
        for (int start = 0; start < sampleCount; start += batchSize) {
            int[] idx = Arrays.copyOfRange(all, start, Math.min(sampleCount, start + batchSize));
            Map<String, INDArray> out = sd.output(batches.make(idx), outputs);
            OffHeapMemory.bound();
            for (String name : outputs) {
                INDArray a = out.get(name);
                for (int i = 0; i < idx.length; i++) {
                    result.get(name)[idx[i]] = a.getRow(i).toDoubleVector();
                }
            }
        }
        return result;
    }

    public static double[][] rows(SameDiff sd, int sampleCount, int batchSize, BatchMaker batches, String output) {
        return rows(sd, sampleCount, batchSize, batches, List.of(output)).get(output);
    }
}
