package io.kdbench.methods.floor;

import java.util.List;

/**
 * Per-feature standardisation with the training mean and standard deviation, so that one learning rate suits
 * every feature. A feature constant in training maps to 0, and so does a missing one (NaN): the training mean.
 */
record Standardiser(double[] mean, double[] sd) {

    static Standardiser fit(List<double[]> rows) {
        int n = rows.get(0).length;
        double[] mean = new double[n], sd = new double[n];
        for (double[] r : rows) {
            for (int j = 0; j < n; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < n; j++) {
            mean[j] /= rows.size();
        }
        for (double[] r : rows) {
            for (int j = 0; j < n; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            sd[j] = Math.sqrt(sd[j] / rows.size());
            if (sd[j] == 0) {
                sd[j] = 1;
            }
        }
        return new Standardiser(mean, sd);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = Double.isNaN(row[j]) ? 0 : (row[j] - mean[j]) / sd[j];
        }
        return out;
    }
}
