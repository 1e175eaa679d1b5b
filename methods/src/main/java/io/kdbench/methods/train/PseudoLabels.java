package io.kdbench.methods.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Teacher pseudo-labels and the masks that decide which voxels to trust, computed on the host. */
public final class PseudoLabels {
    private PseudoLabels() {
    }

    /** One-hot arg-max of probabilities [B, S, K], as a [B, S, K] tensor. */
    public static INDArray hard(float[][][] probs) {
        int b = probs.length, s = probs[0].length, k = probs[0][0].length;
        float[] out = new float[b * s * k];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < s; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (probs[n][i][c] > probs[n][i][best]) {
                        best = c;
                    }
                }
                out[(n * s + i) * k + best] = 1f;
            }
        }
        return Nd4j.create(out, new long[] {b, s, k}, 'c');
    }

    /** Confidence mask [B, S]: 1 where the largest probability exceeds {@code threshold} (FixMatch). */
    public static INDArray confidenceMask(float[][][] probs, double threshold) {
        int b = probs.length, s = probs[0].length;
        float[] out = new float[b * s];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < s; i++) {
                float max = 0;
                for (float p : probs[n][i]) {
                    max = Math.max(max, p);
                }
                out[n * s + i] = max > threshold ? 1f : 0f;
            }
        }
        return Nd4j.create(out, new long[] {b, s}, 'c');
    }

    /** Voxel-wise mean of several probability maps (e.g. noisy teacher passes). */
    public static float[][][] mean(java.util.List<float[][][]> passes) {
        float[][][] first = passes.get(0);
        int b = first.length, s = first[0].length, k = first[0][0].length;
        float[][][] out = new float[b][s][k];
        for (float[][][] p : passes) {
            for (int n = 0; n < b; n++) {
                for (int i = 0; i < s; i++) {
                    for (int c = 0; c < k; c++) {
                        out[n][i][c] += p[n][i][c] / passes.size();
                    }
                }
            }
        }
        return out;
    }

    /**
     * Uncertainty mask [B, S] of UA-MT and the knee code: 1 where the entropy -sum_c mu_c log(mu_c + 1e-6) of the
     * mean probabilities is below {@code threshold}.
     */
    public static INDArray entropyMask(float[][][] meanProbs, double threshold) {
        int b = meanProbs.length, s = meanProbs[0].length;
        float[] out = new float[b * s];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < s; i++) {
                double h = 0;
                for (float p : meanProbs[n][i]) {
                    h -= p * Math.log(p + 1e-6);
                }
                out[n * s + i] = h < threshold ? 1f : 0f;
            }
        }
        return Nd4j.create(out, new long[] {b, s}, 'c');
    }
}
