package io.kdbench.methods.mmpkd.teachers;

/** Teacher outputs turned into soft targets at a temperature T. */
public final class SoftTargets {
    private SoftTargets() {
    }

    /** softmax(z / T) of one row of logits. */
    public static float[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            e[k] = Math.exp((logits[k] - max) / temperature);
            sum += e[k];
        }
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) (e[k] / sum);
        }
        return p;
    }

    /** sigmoid(z / T) per entry (multi-label). */
    public static float[] sigmoid(double[] logits, double temperature) {
        float[] p = new float[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = (float) (1 / (1 + Math.exp(-logits[k] / temperature)));
        }
        return p;
    }

    /**
     * Probabilities without logits (a forest's votes) softened as p^(1/T), renormalised; T = 1 leaves them.
     * A zero vote stays zero, so the KL term never sees log 0 with weight > 0.
     */
    public static float[] sharpen(double[] probabilities, double temperature) {
        double[] q = new double[probabilities.length];
        double sum = 0;
        for (int k = 0; k < q.length; k++) {
            q[k] = Math.pow(Math.max(probabilities[k], 0), 1 / temperature);
            sum += q[k];
        }
        float[] p = new float[q.length];
        for (int k = 0; k < q.length; k++) {
            p[k] = (float) (sum > 0 ? q[k] / sum : 1.0 / q.length);
        }
        return p;
    }
}
