package io.kdbench.methods.osmd;

import io.kdbench.api.Seeds;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.nn.ConvLayers;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.Layers;
import io.kdbench.methods.nn.Losses;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Inference;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Recipe;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OS-MD student on the available modality (RGB): encoder E_R -> f_R, hallucination encoder E_H -> h (restored
 * privileged features), one translation phi shared by both directions (cross translation network), fusion
 * z = [f_R + phi(h), h + phi(f_R)] and a classification head. Training losses, against the frozen privileged
 * teacher's features d and head g:
 * <ul>
 * <li>task: CE(head(z), y);</li>
 * <li>joint adaptation: MMD(h, d) + sum_c MMD(h|c, d|c) (linear kernel) + beta T^2 KL(g(d)/T || g(h)/T);</li>
 * <li>cross translation: ||phi(f_R) - d||^2 + ||phi(h) - sg(f_R)||^2.</li>
 * </ul>
 * The three terms are weighted by scalar inputs, so one graph serves the one-stage optimisation
 * (1, lambda_ja, lambda_ct) and both stages of the two-stage baseline.
 */
final class OsmdNetwork {
    static final String RGB = "rgb";
    private final String modality;
    private final int classes;
    private final SameDiff sd = SameDiff.create();
    private final SDVariable probs;
    private final CnnEncoder rgbEncoder;
    private final CnnEncoder hallucination;

    /**
     * @param teacherHeadW the frozen teacher head g (weight [C, K], bias [1, K]); d has the same width C as the
     *                     last encoder stage
     */
    OsmdNetwork(String modality, int channels, int side, int classes, int[] widths, CnnEncoder.Pooling pooling,
                INDArray teacherHeadW, INDArray teacherHeadB, double beta, double temperature, long seed) {
        this.modality = modality;
        this.classes = classes;
        int c = widths[widths.length - 1];
        if (teacherHeadW.size(0) != c) {
            throw new IllegalArgumentException("teacher features have width " + teacherHeadW.size(0)
                    + ", the student's encoders " + c + ": use the same widths");
        }
        Init init = new Init(Seeds.stream("init", seed));
        Layers layers = new Layers(sd, init);
        ConvLayers conv = new ConvLayers(layers, init);
        SDVariable x = sd.placeHolder(RGB, DataType.FLOAT, -1, channels, side, side);
        rgbEncoder = new CnnEncoder(conv, "rgb_", channels, widths, side, pooling);
        hallucination = new CnnEncoder(conv, "hal_", channels, widths, side, pooling);
        SDVariable fR = rgbEncoder.pooled(x);
        SDVariable h = hallucination.pooled(x);
        Layers.Dense phi = layers.denseWeights("phi", c, c);
        SDVariable phiH = sd.nn.relu(phi.apply(h), 0);
        SDVariable phiR = sd.nn.relu(phi.apply(fR), 0);
        SDVariable z = sd.concat(1, fR.add(phiH), h.add(phiR));
        SDVariable logits = layers.dense("head", z, 2 * c, classes);
        probs = sd.nn.softmax("probs", logits, -1);

        SDVariable y = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        SDVariable d = sd.placeHolder("teacher_features", DataType.FLOAT, -1, c);
        SDVariable gW = sd.constant("teacher_head_W", teacherHeadW.dup());
        SDVariable gB = sd.constant("teacher_head_b", teacherHeadB.dup());
        SDVariable task = Losses.crossEntropy(sd, logits, y).rename("task_loss");
        SDVariable ja = Losses.linearMmd(sd, h, d).add(Losses.classConditionalMmd(sd, h, d, y))
                .add(Losses.hintonKd(sd, h.mmul(gW).add(gB), d.mmul(gW).add(gB), temperature).mul(beta))
                .rename("ja_loss");
        SDVariable ct = Losses.featureMatching(sd, phiR, d).add(Losses.featureMatching(sd, phiH, Losses.stopGradient(sd, fR)))
                .rename("ct_loss");
        SDVariable wTask = sd.placeHolder("w_task", DataType.FLOAT);
        SDVariable wJa = sd.placeHolder("w_ja", DataType.FLOAT);
        SDVariable wCt = sd.placeHolder("w_ct", DataType.FLOAT);
        task.mul(wTask).add(ja.mul(wJa)).add(ct.mul(wCt)).rename("loss");
    }

    /**
     * Trains the variables whose names start with one of {@code prefixes} (all if empty) on
     * wTask * task + wJa * ja + wCt * ct, batches from {@code batchSeed}; {@code selection} may be null.
     */
    void train(List<Sample> samples, float[][] oneHot, float[][] teacherFeatures, double wTask, double wJa, double wCt,
               List<String> prefixes, Recipe recipe, long batchSeed, TrainingLog log, String curve,
               ModelSelection selection) {
        List<String> trainable = variables().stream()
                .filter(n -> prefixes.isEmpty() || prefixes.stream().anyMatch(n::startsWith)).toList();
        new Fitter(sd, "loss", recipe, trainable).fit(samples.size(), idx -> {
            Map<String, INDArray> batch = new HashMap<>();
            batch.put(RGB, Batches.images(samples.stream().map(s -> s.image(modality)).toList(), idx));
            batch.put("targets", Batches.rows(oneHot, idx, false));
            batch.put("teacher_features", Batches.rows(teacherFeatures, idx, false));
            batch.put("w_task", Nd4j.scalar((float) wTask));
            batch.put("w_ja", Nd4j.scalar((float) wJa));
            batch.put("w_ct", Nd4j.scalar((float) wCt));
            return batch;
        }, batchSeed, log, curve, null, selection);
    }

    /** The trainable variables' names: both encoders, phi and the head. */
    List<String> variables() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    double[][] probabilities(List<Sample> samples, int batchSize) {
        return Inference.rows(sd, samples.size(), batchSize,
                idx -> Map.of(RGB, Batches.images(samples.stream().map(s -> s.image(modality)).toList(), idx)), probs.name());
    }

    /** Deployed parameters: both encoders, phi and the head (the teacher head is a training-only constant). */
    long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    SameDiff graph() {
        return sd;
    }

    int classes() {
        return classes;
    }

    CnnEncoder rgbEncoder() {
        return rgbEncoder;
    }

    CnnEncoder hallucination() {
        return hallucination;
    }
}
