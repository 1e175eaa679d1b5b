package io.kdbench.methods.ssn;

import io.kdbench.api.Seeds;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.nn.ConvLayers;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.Layers;
import io.kdbench.methods.nn.MultiHeadAttention;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Inference;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Recipe;
import org.nd4j.autodiff.samediff.SDIndex;
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
 * Two image views of one lesion (clinical, dermoscopy) through CNN encoders, with cross-attention between the two
 * token streams after every stage but the first (multi-scale), a head per view and an optional fusion head.
 * Configured as SSN (one encoder for both views, one cross-attention per stage used in both directions, biased
 * head weights), as the same with separate encoders and per-direction attention, or as late fusion.
 */
final class DualViewNetwork {
    enum CrossAttention { SHARED, PER_DIRECTION, NONE }

    /**
     * @param headWeights loss (and prediction) weights of the clinical, dermoscopy and fusion heads; a fusion weight
     *                    of 0 builds no fusion head
     */
    record Config(boolean sharedEncoder, CrossAttention crossAttention, int[] widths, int heads, double[] headWeights) {
    }

    static final String CLINICAL = "clinical";
    static final String DERMOSCOPY = "dermoscopy";
    private final Config config;
    private final int[] taskSizes;
    private final SameDiff sd = SameDiff.create();
    private final SDVariable probs;
    private final SDVariable taskProbs;

    /** {@code taskSizes[0]} is the diagnosis; further entries are attribute tasks, trained and predicted. */
    DualViewNetwork(Config config, int channels, int side, int[] taskSizes, long seed) {
        this.config = config;
        this.taskSizes = taskSizes.clone();
        int[] widths = config.widths();
        Init init = new Init(Seeds.stream("init", seed));
        Layers layers = new Layers(sd, init);
        ConvLayers conv = new ConvLayers(layers, init);
        CnnEncoder encC = new CnnEncoder(conv, config.sharedEncoder() ? "enc_" : "enc_c_", channels, widths, side);
        CnnEncoder encD = config.sharedEncoder() ? encC : new CnnEncoder(conv, "enc_d_", channels, widths, side);
        SDVariable fc = sd.placeHolder(CLINICAL, DataType.FLOAT, -1, channels, side, side);
        SDVariable fd = sd.placeHolder(DERMOSCOPY, DataType.FLOAT, -1, channels, side, side);
        int s = side;
        for (int i = 0; i < widths.length; i++) {
            fc = encC.stage(i, fc);
            fd = encD.stage(i, fd);
            s /= 2;
            if (i >= 1 && config.crossAttention() != CrossAttention.NONE) {
                boolean shared = config.crossAttention() == CrossAttention.SHARED;
                MultiHeadAttention toD = new MultiHeadAttention(layers, shared ? "sca" + i + "_" : "ca" + i + "_c_",
                        widths[i], config.heads());
                MultiHeadAttention toC = shared ? toD
                        : new MultiHeadAttention(layers, "ca" + i + "_d_", widths[i], config.heads());
                int t = s * s;
                SDVariable tc = CnnEncoder.toTokens(fc, widths[i]);
                SDVariable td = CnnEncoder.toTokens(fd, widths[i]);
                // both directions read the other stream before either is updated; residual connections
                SDVariable nc = tc.add(toD.apply(tc, t, td, t, null));
                SDVariable nd = td.add(toC.apply(td, t, tc, t, null));
                fc = CnnEncoder.fromTokens(nc, widths[i], s, s);
                fd = CnnEncoder.fromTokens(nd, widths[i], s, s);
            }
        }
        int c = widths[widths.length - 1];
        SDVariable gc = fc.mean(2, 3);
        SDVariable gd = fd.mean(2, 3);
        int logits = java.util.Arrays.stream(taskSizes).sum();
        List<SDVariable> heads = new ArrayList<>();
        heads.add(layers.dense("head_c", gc, c, logits));
        heads.add(layers.dense("head_d", gd, c, logits));
        double[] w = config.headWeights();
        if (w[2] > 0) {
            heads.add(layers.dense("head_f", sd.concat(1, gc, gd), 2 * c, logits));
        }
        SDVariable y = sd.placeHolder("targets", DataType.FLOAT, -1, logits);
        BiasedLoss.of(sd, heads, java.util.Arrays.copyOf(w, heads.size()), taskSizes, y).rename("loss");
        // prediction: per task, the head-weighted average of the heads' probabilities; the diagnosis is task 0
        List<SDVariable> perTask = new ArrayList<>();
        int offset = 0;
        for (int size : taskSizes) {
            SDVariable p = null;
            double sum = 0;
            for (int h = 0; h < heads.size(); h++) {
                SDVariable ph = sd.nn.softmax(heads.get(h).get(SDIndex.all(), SDIndex.interval(offset, offset + size)), -1)
                        .mul(w[h]);
                p = p == null ? ph : p.add(ph);
                sum += w[h];
            }
            perTask.add(p.div(sum));
            offset += size;
        }
        probs = perTask.get(0).rename("probs");
        taskProbs = perTask.size() == 1 ? probs : sd.concat("task_probs", 1, perTask.toArray(new SDVariable[0]));
    }

    void train(List<Sample> samples, float[][] targets, Recipe recipe, long seed, TrainingLog log,
               ModelSelection selection) {
        new Fitter(sd, "loss", recipe).fit(samples.size(), idx -> {
            Map<String, INDArray> batch = inputs(samples, idx);
            batch.put("targets", Batches.rows(targets, idx, false));
            return batch;
        }, Seeds.stream("batches", seed), log, "loss", null, selection);
    }

    /** The trainable variables' names. */
    List<String> variables() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    double[][] probabilities(List<Sample> samples, int batchSize) {
        return Inference.rows(sd, samples.size(), batchSize, idx -> inputs(samples, idx), probs.name());
    }

    /** Every task's probabilities side by side, in {@link #taskSizes()} order (the diagnosis first). */
    double[][] taskProbabilities(List<Sample> samples, int batchSize) {
        return Inference.rows(sd, samples.size(), batchSize, idx -> inputs(samples, idx), taskProbs.name());
    }

    long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    SameDiff graph() {
        return sd;
    }

    int[] taskSizes() {
        return taskSizes.clone();
    }

    Config config() {
        return config;
    }

    static Map<String, INDArray> inputs(List<Sample> samples, int[] idx) {
        Map<String, INDArray> batch = new HashMap<>();
        batch.put(CLINICAL, Batches.images(samples.stream().map(s -> s.image(CLINICAL)).toList(), idx));
        batch.put(DERMOSCOPY, Batches.images(samples.stream().map(s -> s.image(DERMOSCOPY)).toList(), idx));
        return batch;
    }
}
