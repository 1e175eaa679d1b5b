package io.kdbench.metrics;

import io.kdbench.api.AttributeTask;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.List;

/** Checks shared by every metric: predictions answer the samples in order, and carry what the metric reads. */
public final class Cases {
    private Cases() {
    }

    /** Throws unless the two lists have one prediction per sample, in the same order, with matching ids. */
    public static void checkAligned(List<Sample> truth, List<Prediction> predictions) {
        if (truth.size() != predictions.size()) {
            throw new IllegalArgumentException(truth.size() + " samples but " + predictions.size() + " predictions");
        }
        for (int i = 0; i < truth.size(); i++) {
            String expected = truth.get(i).id();
            Prediction p = predictions.get(i);
            if (p == null) {
                throw new IllegalArgumentException("case " + expected + ": no prediction");
            }
            if (!expected.equals(p.caseId())) {
                throw new IllegalArgumentException("case " + expected + ": prediction " + i + " is for case '"
                        + p.caseId() + "'");
            }
        }
    }

    /** The prediction's probability vector, checked to have {@code classes} finite values. */
    public static double[] probabilities(Prediction p, int classes) {
        double[] probs = p.probabilities();
        if (probs == null) {
            throw new IllegalArgumentException("case " + p.caseId() + ": prediction has no probabilities");
        }
        if (probs.length != classes) {
            throw new IllegalArgumentException("case " + p.caseId() + ": " + probs.length
                    + " probabilities for " + classes + " classes");
        }
        for (int c = 0; c < probs.length; c++) {
            if (!Double.isFinite(probs[c])) {
                throw new IllegalArgumentException("case " + p.caseId() + ": probability of class " + c + " is "
                        + probs[c]);
            }
        }
        return probs;
    }

    /** The sample's single-label class, checked to lie in 0..classes-1. */
    public static int label(Sample s, int classes) {
        if (s.label() < 0 || s.label() >= classes) {
            throw new IllegalArgumentException("case " + s.id() + ": label " + s.label() + " is not a class index 0.."
                    + (classes - 1));
        }
        return s.label();
    }

    /** The sample's multi-label target vector, checked to have {@code classes} 0/1 values. */
    public static boolean[] targets(Sample s, int classes) {
        float[] t = s.targets();
        if (t == null || t.length != classes) {
            throw new IllegalArgumentException("case " + s.id() + ": needs a target vector of " + classes
                    + " values, has " + (t == null ? "none" : t.length));
        }
        boolean[] positive = new boolean[classes];
        for (int c = 0; c < classes; c++) {
            if (t[c] != 0f && t[c] != 1f) {
                throw new IllegalArgumentException("case " + s.id() + ": target " + c + " is " + t[c] + ", not 0 or 1");
            }
            positive[c] = t[c] == 1f;
        }
        return positive;
    }

    /** The prediction's probabilities of one attribute task's values, checked to have one finite value per class. */
    public static double[] attributeProbabilities(Prediction p, AttributeTask task) {
        double[] probs = p.attributes() == null ? null : p.attributes().get(task.name());
        if (probs == null) {
            throw new IllegalArgumentException("case " + p.caseId() + ": prediction has no probabilities for attribute '"
                    + task.name() + "'");
        }
        if (probs.length != task.classes()) {
            throw new IllegalArgumentException("case " + p.caseId() + ": " + probs.length + " probabilities for attribute '"
                    + task.name() + "' of " + task.classes() + " values");
        }
        for (double v : probs) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("case " + p.caseId() + ": attribute '" + task.name()
                        + "' has probability " + v);
            }
        }
        return probs;
    }

    /** The sample's true value of an attribute task (its tabular column), checked to be an integer 0..classes-1. */
    public static int attribute(Sample s, AttributeTask task) {
        double[] tabular = s.tabular();
        if (tabular == null || tabular.length <= task.column()) {
            throw new IllegalArgumentException("case " + s.id() + ": attribute '" + task.name() + "' needs tabular column "
                    + task.column() + ", the case has " + (tabular == null ? "no tabular data" : tabular.length + " columns"));
        }
        double v = tabular[task.column()];
        if (v != Math.rint(v) || v < 0 || v >= task.classes()) {
            throw new IllegalArgumentException("case " + s.id() + ": attribute '" + task.name() + "' is " + v
                    + ", not a value 0.." + (task.classes() - 1));
        }
        return (int) v;
    }
}
