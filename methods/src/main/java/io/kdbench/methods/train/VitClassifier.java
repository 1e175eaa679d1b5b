package io.kdbench.methods.train;

import io.kdbench.api.Seeds;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Image;
import io.kdbench.methods.attention.AttentionMaps;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.Layers;
import io.kdbench.methods.nn.Losses;
import io.kdbench.methods.nn.Patches;
import io.kdbench.methods.nn.VisionTransformer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An image-only ViT classifier trained with {@code (1-a) * CE + a * T^2 * KL(teacher || student)}; with a = 0
 * it is the plain student. Single-label uses softmax and cross-entropy, multi-label sigmoid and binary
 * cross-entropy (and the Bernoulli KL). After training it predicts probabilities and an attention map.
 */
public final class VitClassifier {
    /** How the attention map of a prediction is read. */
    public enum AttentionReadout { ROLLOUT, LAST_CLS }

    private final VisionTransformer.Config config;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    private final boolean multiLabel;
    private final int tokens;
    private final int patchDim;
    private final SameDiff sd = SameDiff.create();
    private final VisionTransformer.Encoded encoded;
    private final String probsName;
    private final SDVariable logits;
    /** The input placeholder: patch tokens [B, T, patchDim], or images [B, C, H, W] with the conv stem. */
    private static final String INPUT = "input";

    public VitClassifier(VisionTransformer.Config config, int channels, int height, int width, int classes,
                         boolean multiLabel, long seed) {
        this.config = config;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.multiLabel = multiLabel;
        this.tokens = Patches.count(height, width, config.patch()) + 1;
        this.patchDim = Patches.dim(channels, config.patch());
        Layers layers = new Layers(sd, new Init(Seeds.stream("init", seed)));
        if (config.stem() == VisionTransformer.Stem.CONV) {
            if (height != width) {
                throw new IllegalArgumentException("the conv stem needs square images, got " + height + "x" + width);
            }
            SDVariable image = sd.placeHolder(INPUT, DataType.FLOAT, -1, channels, height, width);
            encoded = VisionTransformer.buildConv(layers, "vit_", image, channels, height, config);
        } else {
            SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, tokens, patchDim);
            encoded = VisionTransformer.build(layers, "vit_", input, tokens, patchDim, config);
        }
        logits = layers.dense("head", encoded.cls(), config.width(), classes);
        probsName = "probs";
        if (multiLabel) {
            sd.nn.sigmoid(probsName, logits);
        } else {
            sd.nn.softmax(probsName, logits, -1);
        }
    }

    /**
     * Trains on images with targets (one-hot or multi-hot rows). {@code teacher} holds teacher probabilities
     * per sample (softened at {@code temperature}); null or {@code alpha == 0} trains without distillation.
     * Batches are drawn from the seed's "batches" stream; {@code selection} (may be null) keeps the best weights
     * on the validation split.
     */
    public void train(List<Image> images, float[][] targets, float[][] teacher, double alpha, double temperature,
                      Recipe recipe, long seed, TrainingLog log, ModelSelection selection) {
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }
        boolean distil = teacher != null && alpha > 0;
        SDVariable y = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        SDVariable task = multiLabel ? Losses.binaryCrossEntropy(sd, logits, y) : Losses.crossEntropy(sd, logits, y);
        SDVariable loss;
        if (distil) {
            SDVariable pt = sd.placeHolder("teacher", DataType.FLOAT, -1, classes);
            SDVariable kd;
            if (multiLabel) {
                kd = Losses.binaryDistillationKl(sd, logits, pt, temperature);
            } else {
                SDVariable logPt = sd.placeHolder("teacher_log", DataType.FLOAT, -1, classes);
                kd = Losses.distillationKl(sd, logits, pt, logPt, temperature);
            }
            loss = task.mul(1 - alpha).add(kd.mul(alpha));
        } else {
            loss = task.mul(1.0);
        }
        loss.rename("loss");
        new Fitter(sd, "loss", recipe).fit(images.size(), idx -> {
            Map<String, INDArray> batch = new HashMap<>();
            batch.put(INPUT, input(images, idx));
            batch.put("targets", Batches.rows(targets, idx, false));
            if (distil) {
                batch.put("teacher", Batches.rows(teacher, idx, false));
                if (!multiLabel) {
                    batch.put("teacher_log", Batches.rows(teacher, idx, true));
                }
            }
            return batch;
        }, Seeds.stream("batches", seed), log, "loss", null, selection);
    }

    /** Probabilities and attention maps, computed in batches. */
    public record Output(double[][] probabilities, List<Image> attention) {
    }

    public Output predict(List<Image> images, int batchSize, AttentionReadout readout) {
        double[][] probs = new double[images.size()][];
        List<Image> maps = new ArrayList<>();
        List<String> outputs = new ArrayList<>(encoded.attention());
        outputs.add(probsName);
        for (int start = 0; start < images.size(); start += batchSize) {
            int end = Math.min(images.size(), start + batchSize);
            int[] idx = java.util.stream.IntStream.range(start, end).toArray();
            Map<String, INDArray> out = sd.output(Map.of(INPUT, input(images, idx)), outputs);
            OffHeapMemory.bound();
            INDArray p = out.get(probsName);
            List<INDArray> blocks = encoded.attention().stream().map(out::get).toList();
            // each block's maps copied out once per batch rather than read element by element (paired runs showed
            // no measurable difference in a cell's time; kept as the simpler read)
            List<float[]> flat = blocks.stream().map(a -> a.dup('c').data().asFloat()).toList();
            for (int i = 0; i < idx.length; i++) {
                probs[start + i] = p.getRow(i).toDoubleVector();
                float[][][][] att = new float[blocks.size()][][][];
                for (int b = 0; b < att.length; b++) {
                    att[b] = sampleMaps(flat.get(b), blocks.get(b).shape(), i);
                }
                double[] patchValues = readout == AttentionReadout.ROLLOUT
                        ? AttentionMaps.rollout(att) : AttentionMaps.lastCls(att);
                maps.add(AttentionMaps.toImage(patchValues, height, width, config.patch()));
            }
        }
        return new Output(probs, maps);
    }

    /** Trainable parameters (the deployed student). */
    public long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    public SameDiff graph() {
        return sd;
    }

    /** The trainable variables' names (the whole deployed student). */
    public List<String> variables() {
        return sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList();
    }

    public List<String> attentionNames() {
        return encoded.attention();
    }

    /** The network's input for these images: patch tokens, or the images themselves with the conv stem. */
    INDArray input(List<Image> images, int[] idx) {
        for (int i : idx) {
            Image img = images.get(i);
            if (img.channels() != channels || img.height() != height || img.width() != width || img.is3d()) {
                throw new IllegalArgumentException("ViT built for " + channels + "x" + height + "x" + width
                        + " images got " + img);
            }
        }
        return config.stem() == VisionTransformer.Stem.CONV ? Batches.images(images, idx) : tokens(images, idx);
    }

    private INDArray tokens(List<Image> images, int[] idx) {
        int per = tokens * patchDim;
        float[] buf = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            Patches.write(images.get(idx[i]), config.patch(), buf, i * per);
        }
        return Nd4j.create(buf, new long[] {idx.length, tokens, patchDim}, 'c');
    }

    /** One sample's maps [heads][t][t] from a block's maps [B, heads, t, t] copied out in C order. */
    private static float[][][] sampleMaps(float[] att, long[] shape, int sample) {
        int h = (int) shape[1];
        int t = (int) shape[2];
        float[][][] out = new float[h][t][t];
        for (int head = 0; head < h; head++) {
            for (int i = 0; i < t; i++) {
                System.arraycopy(att, ((sample * h + head) * t + i) * t, out[head][i], 0, t);
            }
        }
        return out;
    }
}
