package io.kdbench.methods.mmpkd.teachers;

import io.kdbench.api.TrainingLog;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.Batches;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.Layers;
import io.kdbench.methods.nn.Losses;
import io.kdbench.api.Seeds;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Inference;
import io.kdbench.methods.train.Recipe;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Map;

/**
 * The text teacher: a linear model over binary word uni- and bigram features of the report (softmax regression,
 * or one logistic regression per finding for multi-label), trained by kdbench with the shared Adam loop. No
 * pretrained language model exists here; this stands in for the paper's fine-tuned PubMedBERT.
 */
public final class NgramTextTeacher implements PrivilegedTeacher {
    private final NgramVocabulary vocabulary;
    private final boolean multiLabel;
    private final int classes;
    private final SameDiff sd = SameDiff.create();
    private final SDVariable logits;

    /** Trains on {@code train}; weights from the seed's "init" stream, batches from its "batches" stream. */
    public NgramTextTeacher(List<Sample> train, float[][] targets, boolean multiLabel, int minCount, Recipe recipe,
                            long seed, TrainingLog log, String curve) {
        this.multiLabel = multiLabel;
        this.classes = targets[0].length;
        this.vocabulary = new NgramVocabulary(train.stream().map(NgramTextTeacher::text).toList(), minCount);
        float[][] x = features(train);
        Layers layers = new Layers(sd, new Init(Seeds.stream("init", seed)));
        SDVariable in = sd.placeHolder("ngrams", DataType.FLOAT, -1, vocabulary.size());
        SDVariable y = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        logits = layers.dense("text_head", in, vocabulary.size(), classes);
        SDVariable loss = multiLabel ? Losses.binaryCrossEntropy(sd, logits, y) : Losses.crossEntropy(sd, logits, y);
        loss.rename("teacher_loss");
        new Fitter(sd, "teacher_loss", recipe).fit(train.size(), idx -> Map.of("ngrams", Batches.rows(x, idx, false),
                "targets", Batches.rows(targets, idx, false)), Seeds.stream("batches", seed), log, curve, null, null);
    }

    @Override
    public float[][] probabilities(List<Sample> samples, double temperature) {
        float[][] x = features(samples);
        double[][] z = Inference.rows(sd, samples.size(), 256, idx -> Map.of("ngrams", Batches.rows(x, idx, false)),
                logits.name());
        float[][] p = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            p[i] = multiLabel ? SoftTargets.sigmoid(z[i], temperature) : SoftTargets.softmax(z[i], temperature);
        }
        return p;
    }

    @Override
    public long parameterCount() {
        return (long) vocabulary.size() * classes + classes;
    }

    @Override
    public String kind() {
        return "text";
    }

    private float[][] features(List<Sample> samples) {
        float[][] x = new float[samples.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = vocabulary.features(text(samples.get(i)));
        }
        return x;
    }

    private static String text(Sample s) {
        if (s.text() == null) {
            throw new IllegalArgumentException("sample " + s.id() + " has no report text for the text teacher");
        }
        return s.text();
    }
}
