package io.kdbench.methods.train;

import io.kdbench.api.Seeds;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.nn.ConvLayers;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.Layers;
import io.kdbench.methods.nn.Losses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CNN classifier over one or more image modalities: one {@link CnnEncoder} per modality, globally averaged
 * features concatenated (early fusion of the pooled features), a dense head, softmax cross-entropy. Used as a
 * privileged-modality teacher, an available-modality-only baseline and a full-modality upper bound.
 */
public final class CnnClassifier {
    private final List<String> modalities;
    private final int classes;
    private final SameDiff sd = SameDiff.create();
    private final SDVariable features;
    private final SDVariable logits;
    private final SDVariable probs;
    private final int featureWidth;

    /** {@code channels[i]} is modality i's channel count; all images are side x side. */
    public CnnClassifier(List<String> modalities, int[] channels, int side, int classes, int[] widths,
                         CnnEncoder.Pooling pooling, long seed) {
        this.modalities = List.copyOf(modalities);
        this.classes = classes;
        Init init = new Init(Seeds.stream("init", seed));
        Layers layers = new Layers(sd, init);
        ConvLayers conv = new ConvLayers(layers, init);
        List<SDVariable> pooled = new ArrayList<>();
        for (int i = 0; i < modalities.size(); i++) {
            SDVariable x = sd.placeHolder(modalities.get(i), DataType.FLOAT, -1, channels[i], side, side);
            pooled.add(new CnnEncoder(conv, "enc_" + modalities.get(i) + "_", channels[i], widths, side, pooling)
                    .pooled(x));
        }
        featureWidth = widths[widths.length - 1] * modalities.size();
        features = pooled.size() == 1 ? pooled.get(0) : sd.concat(1, pooled.toArray(new SDVariable[0]));
        features.rename("features");
        logits = layers.dense("head", features, featureWidth, classes);
        logits.rename("logits");
        probs = sd.nn.softmax("probs", logits, -1);
    }

    /** Cross-entropy training; batches from the seed's "batches" stream; {@code selection} may be null. */
    public void train(List<Sample> samples, float[][] oneHot, Recipe recipe, long seed, TrainingLog log, String curve,
                      ModelSelection selection) {
        SDVariable y = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        Losses.crossEntropy(sd, logits, y).rename(curve);
        new Fitter(sd, curve, recipe).fit(samples.size(), idx -> {
            Map<String, INDArray> batch = inputs(samples, idx);
            batch.put("targets", Batches.rows(oneHot, idx, false));
            return batch;
        }, Seeds.stream("batches", seed), log, curve, null, selection);
    }

    public double[][] probabilities(List<Sample> samples, int batchSize) {
        return Inference.rows(sd, samples.size(), batchSize, idx -> inputs(samples, idx), probs.name());
    }

    /** The pooled (concatenated) features [N, featureWidth]. */
    public double[][] features(List<Sample> samples, int batchSize) {
        return Inference.rows(sd, samples.size(), batchSize, idx -> inputs(samples, idx), features.name());
    }

    /** The head's weight [featureWidth, classes] and bias [1, classes] (to reuse the head frozen elsewhere). */
    public INDArray headWeight() {
        return sd.getVariable("head_W").getArr();
    }

    public INDArray headBias() {
        return sd.getVariable("head_b").getArr();
    }

    public int featureWidth() {
        return featureWidth;
    }

    /** The trainable variables' names. */
    public List<String> variables() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    public long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    public SameDiff graph() {
        return sd;
    }

    private Map<String, INDArray> inputs(List<Sample> samples, int[] idx) {
        Map<String, INDArray> batch = new HashMap<>();
        for (String m : modalities) {
            batch.put(m, Batches.images(samples.stream().map(s -> s.image(m)).toList(), idx));
        }
        return batch;
    }
}
