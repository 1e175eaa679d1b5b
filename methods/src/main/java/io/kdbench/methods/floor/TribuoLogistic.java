package io.kdbench.methods.floor;

import io.kdbench.api.Params;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A multinomial logistic regression fitted by Tribuo's linear SGD trainer (log-loss, AdaGrad, shuffled
 * minibatches from one seed) on dense feature vectors with integer class labels. Probabilities are Tribuo's
 * softmax-normalised output scores, indexed by class; a class absent from training gets probability 0.
 */
final class TribuoLogistic {
    // Tribuo logs each training run at INFO through java.util.logging; kept referenced so the level sticks
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private static final int NO_LOSS_LOGGING = -1;

    private final LinearSGDModel model;
    private final String[] featureNames;

    private TribuoLogistic(LinearSGDModel model, String[] featureNames) {
        this.model = model;
        this.featureNames = featureNames;
    }

    /**
     * Fits on rows {@code x} with classes {@code y}, using the parameters {@code epochs}, {@code learning_rate}
     * and {@code batch_size}; the same seed gives the same weights.
     */
    static TribuoLogistic fit(List<double[]> x, int[] y, Params p, long seed) {
        String[] names = featureNames(x.get(0).length);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("kdbench-train", factory), factory);
        for (int i = 0; i < y.length; i++) {
            data.add(new ArrayExample<>(new Label(Integer.toString(y[i])), names, x.get(i)));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(p.getDouble("learning_rate")),
                p.getInt("epochs"), NO_LOSS_LOGGING, p.getInt("batch_size"), seed);
        return new TribuoLogistic(trainer.train(data), names);
    }

    /** Class probabilities indexed by class, {@code classes} long. */
    double[] probabilities(double[] features, int classes) {
        double[] out = new double[classes];
        for (Map.Entry<String, Label> e : predict(features).getOutputScores().entrySet()) {
            out[Integer.parseInt(e.getKey())] = e.getValue().getScore();
        }
        return out;
    }

    /** The most probable class. */
    int predictClass(double[] features) {
        return Integer.parseInt(predict(features).getOutput().getLabel());
    }

    /** Learned weights: one row per class seen in training, one column per feature plus the bias. */
    long parameterCount() {
        DenseMatrix w = model.getWeightsCopy();
        return (long) w.getDimension1Size() * w.getDimension2Size();
    }

    private Prediction<Label> predict(double[] features) {
        Example<Label> example = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, features);
        return model.predict(example);
    }

    private static String[] featureNames(int n) {
        String[] names = new String[n];
        for (int j = 0; j < n; j++) {
            names[j] = String.format("f%05d", j);
        }
        return names;
    }
}
