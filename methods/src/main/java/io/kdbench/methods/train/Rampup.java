package io.kdbench.methods.train;

/** The sigmoid ramp-up of mean-teacher code: exp(-5 (1 - clip(t, 0, L) / L)^2), 1 when L is 0. */
public final class Rampup {
    private Rampup() {
    }

    public static double sigmoid(double t, double length) {
        if (length <= 0) {
            return 1.0;
        }
        double phase = 1 - Math.max(0, Math.min(t, length)) / length;
        return Math.exp(-5 * phase * phase);
    }
}
