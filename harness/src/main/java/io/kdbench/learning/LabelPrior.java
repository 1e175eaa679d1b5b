package io.kdbench.learning;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The label prior of the labelled training samples, the floor every row is judged against: for classification the
 * class (or per-label) frequencies and each attribute task's value frequencies, predicted for every case; for
 * segmentation the mean mask, each voxel's most frequent training label (the empty mask where background wins
 * everywhere), predicted for every case whose image has the training masks' shape (the empty mask for any other
 * shape). It reads nothing of the cases it predicts but their id and image geometry.
 */
public final class LabelPrior {
    private final DatasetInfo dataset;
    private final double[] frequencies;
    private final LabelMap meanMask;
    private final Map<String, double[]> attributes;

    private LabelPrior(DatasetInfo dataset, double[] frequencies, LabelMap meanMask, Map<String, double[]> attributes) {
        this.dataset = dataset;
        this.frequencies = frequencies;
        this.meanMask = meanMask;
        this.attributes = attributes;
    }

    public static LabelPrior fit(DatasetInfo dataset, List<Sample> labelledTrain) {
        if (labelledTrain.isEmpty()) {
            throw new IllegalArgumentException("the label prior needs labelled training samples");
        }
        if (dataset.task().isSegmentation()) {
            return new LabelPrior(dataset, null, meanMask(labelledTrain, dataset.numClasses()), null);
        }
        int k = dataset.numClasses();
        double[] f = new double[k];
        for (Sample s : labelledTrain) {
            if (dataset.task() == Task.MULTILABEL_CLASSIFICATION) {
                for (int c = 0; c < k; c++) {
                    f[c] += s.targets()[c];
                }
            } else {
                f[s.label()]++;
            }
        }
        for (int c = 0; c < k; c++) {
            f[c] /= labelledTrain.size();
        }
        return new LabelPrior(dataset, f, null, attributeFrequencies(dataset, labelledTrain));
    }

    /** Each attribute task's value frequencies in the training samples; null if the dataset declares none. */
    private static Map<String, double[]> attributeFrequencies(DatasetInfo dataset, List<Sample> train) {
        if (dataset.attributes().isEmpty()) {
            return null;
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (AttributeTask task : dataset.attributes()) {
            double[] f = new double[task.classes()];
            for (Sample s : train) {
                f[Cases.attribute(s, task)]++;
            }
            for (int v = 0; v < f.length; v++) {
                f[v] /= train.size();
            }
            out.put(task.name(), f);
        }
        return out;
    }

    /** The class (single-label) or per-label (multi-label) frequencies in the labelled training samples. */
    public double[] frequencies() {
        return frequencies.clone();
    }

    /**
     * The cross-entropy of the prior on its own training labels, in nats: the loss a classifier has that learned
     * nothing from the image. Single-label: -sum_k p_k ln p_k; multi-label: the mean over labels of the Bernoulli
     * entropy, matching a binary cross-entropy averaged over labels.
     */
    public double entropy() {
        if (frequencies == null) {
            throw new IllegalStateException("a segmentation prior has no label entropy");
        }
        if (dataset.task() == Task.MULTILABEL_CLASSIFICATION) {
            double sum = 0;
            for (double p : frequencies) {
                sum += plogp(p) + plogp(1 - p);
            }
            return -sum / frequencies.length;
        }
        double sum = 0;
        for (double p : frequencies) {
            sum += plogp(p);
        }
        return -sum;
    }

    public List<Prediction> predict(List<Sample> samples) {
        List<Prediction> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            if (frequencies != null) {
                out.add(new Prediction(s.id(), frequencies.clone(), null, null, attributes));
            } else {
                out.add(new Prediction(s.id(), null, maskFor(geometry(s)), null));
            }
        }
        return out;
    }

    private LabelMap maskFor(Image image) {
        boolean same = image.depth() == meanMask.depth() && image.height() == meanMask.height()
                && image.width() == meanMask.width();
        byte[] labels = same ? meanMask.labels().clone() : new byte[image.voxels()];
        return new LabelMap(labels, image.depth(), image.height(), image.width(), image.spacing());
    }

    /** The first test-time image of the case: its geometry is that of the prediction. */
    private Image geometry(Sample s) {
        for (Modality m : dataset.imageModalities(false)) {
            Image image = s.images().get(m.name());
            if (image != null) {
                return image;
            }
        }
        throw new IllegalArgumentException("case " + s.id() + " has no test-time image to predict a mask for");
    }

    private static LabelMap meanMask(List<Sample> train, int classes) {
        LabelMap first = null;
        int[][] counts = null;
        for (Sample s : train) {
            LabelMap m = s.mask();
            if (m == null) {
                continue;
            }
            if (first == null) {
                first = m;
                counts = new int[classes][m.size()];
            }
            if (!m.sameShape(first)) {
                continue; // masks of another shape cannot be averaged voxel by voxel
            }
            for (int i = 0; i < m.size(); i++) {
                counts[Math.min(m.label(i), classes - 1)][i]++;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("the segmentation prior needs labelled training masks");
        }
        byte[] labels = new byte[first.size()];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (counts[c][i] > counts[best][i]) {
                    best = c;
                }
            }
            labels[i] = (byte) best;
        }
        return new LabelMap(labels, first.depth(), first.height(), first.width(), first.spacing());
    }

    private static double plogp(double p) {
        return p > 0 ? p * Math.log(p) : 0;
    }
}
