package io.kdbench.methods.train;

import io.kdbench.api.Selection;
import io.kdbench.api.TrainingLog;
import io.kdbench.api.Validation;
import io.kdbench.data.Prediction;
import io.kdbench.learning.TrainingFit;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Model selection on the validation split: scores the model being trained on its {@link #criterion} (cross-entropy
 * for classification, the primary metric for segmentation) at the evaluation points the training loop chooses, keeps
 * a copy of the weights at the best score (the first of equal scores: later checkpoints must be strictly better), and
 * restores them at the end. Without validation samples it keeps the last weights. Test data play no part.
 */
public final class ModelSelection {
    /** The {@link #criterion} of classification. */
    public static final String CROSS_ENTROPY = "cross-entropy";
    private final String name;
    private final Validation validation;
    private final Supplier<List<Prediction>> predictValidation;
    private final Supplier<Runnable> checkpoint;
    private final int every;
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();
    private Runnable best;
    private int bestStep = -1;
    private double bestScore = Double.NaN;

    /**
     * @param name              what is selected, the key of the record in the cell (e.g. "student", "teacher")
     * @param predictValidation predictions of {@code validation.samples()} by the model as it is now
     * @param checkpoint        copies the weights as they are now and returns what restores that copy
     * @param every             optimisation steps between evaluations
     */
    public ModelSelection(String name, Validation validation, Supplier<List<Prediction>> predictValidation,
                          Supplier<Runnable> checkpoint, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("validate_every must be >= 1, got " + every);
        }
        this.name = name;
        this.validation = validation;
        this.predictValidation = predictValidation;
        this.checkpoint = checkpoint;
        this.every = every;
    }

    /** Selection over the named variables of one graph. */
    public static ModelSelection ofGraph(String name, Validation validation,
                                         Supplier<List<Prediction>> predictValidation, SameDiff sd,
                                         List<String> variables, int every) {
        return new ModelSelection(name, validation, predictValidation, () -> {
            Map<String, INDArray> copy = Weights.snapshot(sd, variables);
            return () -> Weights.load(sd, copy);
        }, every);
    }

    public int every() {
        return every;
    }

    /** Scores the current model after {@code step} optimisation steps; keeps its weights if it is the best yet. */
    public void evaluate(int step) {
        if (validation.isEmpty()) {
            return;
        }
        double score = score(predictValidation.get());
        steps.add(step);
        scores.add(score);
        if (best == null || better(score, bestScore)) {
            best = checkpoint.get();
            bestStep = step;
            bestScore = score;
        }
    }

    /**
     * Puts the best weights back and records the selection in the log; keeps the current weights (and records the
     * last step) when nothing was evaluated.
     */
    public void finish(int lastStep, TrainingLog log) {
        if (best != null) {
            best.run();
        } else {
            bestStep = lastStep;
        }
        log.selection(name, new Selection(criterion(validation), every, steps, scores, bestStep, bestScore));
    }

    /**
     * What checkpoints are chosen on: for classification the validation cross-entropy (in nats, as {@link TrainingFit}
     * measures the training loss; lower is better), for segmentation the primary metric. AUROC only ranks the cases:
     * on 100 validation images it peaks early and flat, and choosing on it kept models whose training cross-entropy
     * was still near the prior entropy (the learning check's bar); the cross-entropy, a proper score, keeps falling
     * while the probabilities fit better.
     */
    public static String criterion(Validation validation) {
        return classification(validation) ? CROSS_ENTROPY : validation.metric();
    }

    private double score(List<Prediction> predictions) {
        return classification(validation)
                ? TrainingFit.crossEntropy(validation.dataset(), validation.samples(), predictions)
                : validation.score(predictions);
    }

    private boolean better(double a, double b) {
        return Validation.better(a, b, !classification(validation) && validation.higherIsBetter());
    }

    private static boolean classification(Validation validation) {
        return validation.dataset().task().isClassification();
    }

    public int bestStep() {
        return bestStep;
    }

    public double bestScore() {
        return bestScore;
    }
}
