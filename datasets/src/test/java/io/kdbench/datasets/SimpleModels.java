package io.kdbench.datasets;

import io.kdbench.data.Image;
import io.kdbench.data.Resampling;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Small, transparent models for the informativeness tests: L2-regularised softmax regression by
 * full-batch gradient descent on standardised features, AUROC and accuracy, and feature extractors
 * (downsampled pixels, hashed word uni- and bigrams). Deterministic: no randomness at all.
 */
final class SimpleModels {
    private SimpleModels() {
    }

    /** A fitted softmax regression with its feature standardisation. */
    record Softmax(double[][] w, double[] mean, double[] sd) {
        double[] proba(double[] x) {
            int k = w.length;
            double[] z = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double acc = w[c][x.length];
                for (int j = 0; j < x.length; j++) {
                    acc += w[c][j] * (x[j] - mean[j]) / sd[j];
                }
                z[c] = acc;
                max = Math.max(max, acc);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < k; c++) {
                z[c] /= sum;
            }
            return z;
        }
    }

    static Softmax fit(double[][] x, int[] y, int classes, double l2, int epochs) {
        int n = x.length, d = x[0].length;
        double[] mean = new double[d], sd = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-6;
        }
        double[][] w = new double[classes][d + 1];
        Softmax model = new Softmax(w, mean, sd);
        double lr = 0.5;
        for (int e = 0; e < epochs; e++) {
            double[][] grad = new double[classes][d + 1];
            for (int i = 0; i < n; i++) {
                double[] p = model.proba(x[i]);
                for (int c = 0; c < classes; c++) {
                    double err = p[c] - (y[i] == c ? 1 : 0);
                    for (int j = 0; j < d; j++) {
                        grad[c][j] += err * (x[i][j] - mean[j]) / sd[j] / n;
                    }
                    grad[c][d] += err / n;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j <= d; j++) {
                    w[c][j] -= lr * (grad[c][j] + (j < d ? l2 * w[c][j] : 0));
                }
            }
        }
        return model;
    }

    /** Probability of class 1 for each test row of a binary model fitted on the training rows. */
    static double[] binaryScores(double[][] train, int[] y, double[][] test) {
        Softmax m = fit(train, y, 2, 0.01, 300);
        return Arrays.stream(test).mapToDouble(r -> m.proba(r)[1]).toArray();
    }

    static double accuracy(double[][] train, int[] y, int classes, double[][] test, int[] truth) {
        Softmax m = fit(train, y, classes, 0.01, 300);
        int right = 0;
        for (int i = 0; i < test.length; i++) {
            double[] p = m.proba(test[i]);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            right += best == truth[i] ? 1 : 0;
        }
        return right / (double) test.length;
    }

    /** Mann-Whitney AUROC with ties counted half. */
    static double auroc(double[] score, int[] label) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < score.length; i++) {
            if (label[i] != 1) {
                continue;
            }
            for (int j = 0; j < score.length; j++) {
                if (label[j] == 0) {
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return wins / pairs;
    }

    /** All channels of the image, linearly resized to side x side, flattened. */
    static double[] pixels(Image image, int side) {
        Image small = Resampling.linearByAxes(image, 1, side, side);
        return toDouble(small.data());
    }

    /** Binary presence of hashed lower-case word unigrams and bigrams. */
    static double[] words(String text, int dims) {
        double[] f = new double[dims];
        List<String> tokens = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(t -> !t.isEmpty()).toList();
        for (int i = 0; i < tokens.size(); i++) {
            f[Math.floorMod(tokens.get(i).hashCode(), dims)] = 1;
            if (i > 0) {
                f[Math.floorMod((tokens.get(i - 1) + " " + tokens.get(i)).hashCode(), dims)] = 1;
            }
        }
        return f;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
