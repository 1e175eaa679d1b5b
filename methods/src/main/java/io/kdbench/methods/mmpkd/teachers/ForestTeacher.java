package io.kdbench.methods.mmpkd.teachers;

import io.kdbench.data.Sample;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tabular teacher: a random forest (Tribuo's CART trees with bagging and feature subsampling) on the
 * privileged metadata. Its soft targets are the fraction of trees voting for each class (Tribuo's
 * {@link VotingCombiner}), optionally sharpened/softened as p^(1/T).
 */
public final class ForestTeacher implements PrivilegedTeacher {
    // Tribuo logs a line per tree at INFO through java.util.logging; kept referenced so the level sticks
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final int classes;
    private final Model<Label> forest;
    private final String[] featureNames;

    public ForestTeacher(List<Sample> train, int classes, int trees, int maxDepth, double featureFraction, long seed) {
        this.classes = classes;
        int columns = tabular(train.get(0)).length;
        featureNames = new String[columns];
        for (int j = 0; j < columns; j++) {
            featureNames[j] = String.format("f%02d", j);
        }
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("kdbench-train", factory), factory);
        for (Sample s : train) {
            data.add(example(s, new Label(Integer.toString(s.label()))));
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(maxDepth, (float) featureFraction, seed);
        RandomForestTrainer<Label> trainer = new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
        forest = trainer.train(data);
    }

    @Override
    public float[][] probabilities(List<Sample> samples, double temperature) {
        float[][] p = new float[samples.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = SoftTargets.sharpen(votes(samples.get(i)), temperature);
        }
        return p;
    }

    /** The fraction of trees voting for each class index. */
    public double[] votes(Sample s) {
        Prediction<Label> prediction = forest.predict(example(s, LabelFactory.UNKNOWN_LABEL));
        double[] v = new double[classes];
        for (Map.Entry<String, Label> e : prediction.getOutputScores().entrySet()) {
            int k = Integer.parseInt(e.getKey());
            v[k] = e.getValue().getScore();
        }
        return v;
    }

    /** Total number of tree nodes. */
    @Override
    public long parameterCount() {
        long n = 0;
        for (Model<Label> m : ((EnsembleModel<Label>) forest).getModels()) {
            TreeModel<Label> tree = (TreeModel<Label>) m;
            n += tree.countNodes(tree.getRoot());
        }
        return n;
    }

    @Override
    public String kind() {
        return "forest";
    }

    private Example<Label> example(Sample s, Label label) {
        return new ArrayExample<>(label, featureNames, tabular(s));
    }

    private static double[] tabular(Sample s) {
        if (s.tabular() == null) {
            throw new IllegalArgumentException("sample " + s.id() + " has no tabular data for the forest teacher");
        }
        return s.tabular();
    }
}
