package io.kdbench.methods.train;

import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A deployed classifier that answers with class probabilities only (no attention map), from a function of the
 * samples and a batch size. {@code privilegedAtTest} marks upper-bound rows that read privileged inputs.
 */
public final class ProbabilityModel implements TrainedModel {
    private final BiFunction<List<Sample>, Integer, double[][]> probabilities;
    private final int batchSize;
    private final long parameters;
    private final boolean privilegedAtTest;

    public ProbabilityModel(BiFunction<List<Sample>, Integer, double[][]> probabilities, int batchSize, long parameters,
                            boolean privilegedAtTest) {
        this.probabilities = probabilities;
        this.batchSize = batchSize;
        this.parameters = parameters;
        this.privilegedAtTest = privilegedAtTest;
    }

    @Override
    public List<Prediction> predict(List<Sample> samples) {
        double[][] p = probabilities.apply(samples, batchSize);
        List<Prediction> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(new Prediction(samples.get(i).id(), p[i], null, null));
        }
        return out;
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
