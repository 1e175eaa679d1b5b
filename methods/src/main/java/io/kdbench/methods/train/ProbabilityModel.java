package io.kdbench.methods.train;

import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A deployed classifier that answers with class probabilities only (no attention map), from a function of the
 * samples. {@code privilegedAtTest} marks upper-bound rows that read privileged inputs.
 */
public final class ProbabilityModel implements TrainedModel {
    private final Function<List<Sample>, double[][]> probabilities;
    private final long parameters;
    private final boolean privilegedAtTest;

    public ProbabilityModel(Function<List<Sample>, double[][]> probabilities, long parameters, boolean privilegedAtTest) {
        this.probabilities = probabilities;
        this.parameters = parameters;
        this.privilegedAtTest = privilegedAtTest;
    }

    @Override
    public List<Prediction> predict(List<Sample> samples) {
        return predictions(samples, probabilities.apply(samples));
    }

    /** Probability rows as predictions of the samples, in order. */
    public static List<Prediction> predictions(List<Sample> samples, double[][] probabilities) {
        List<Prediction> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(new Prediction(samples.get(i).id(), probabilities[i], null, null));
        }
        return out;
    }

    /** Float probability rows (a teacher's) as predictions. */
    public static List<Prediction> predictions(List<Sample> samples, float[][] probabilities) {
        return predictions(samples, doubles(probabilities));
    }

    public static double[][] doubles(float[][] rows) {
        double[][] p = new double[rows.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[rows[i].length];
            for (int k = 0; k < p[i].length; k++) {
                p[i][k] = rows[i][k];
            }
        }
        return p;
    }

    @Override
    public long parameterCount() {
        return parameters;
    }

    @Override
    public boolean usesPrivilegedAtTest() {
        return privilegedAtTest;
    }
}
