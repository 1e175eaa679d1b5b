package io.kdbench.learning;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Role;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.Validation;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes a cell's {@link LearningVerdict} from its trained model, its splits and the validation metric. */
public final class LearningCheck {
    private LearningCheck() {
    }

    /**
     * Judges the deployed model: its validation score on the validation cases as they are given to it at test
     * ({@code deployedInputs}: what the dataset declares available at test, e.g. without a privileged depth image; in
     * the order of {@code validation.samples()}), against the label prior's; for classification also its
     * cross-entropy on the labelled training samples as it was trained on them (with every modality), against the
     * prior entropy. The model's checkpoint is the one it will be tested with, so a method that stopped early because
     * its deployed inputs differ from its training inputs is judged on that early checkpoint.
     */
    public static LearningVerdict judge(Role role, DatasetInfo dataset, Splits splits, TrainedModel model,
                                        Validation validation, List<Sample> deployedInputs) {
        List<Sample> train = splits.labelledTrain();
        if (validation.isEmpty() || train.isEmpty()) {
            LearningVerdict.Status status = role == Role.FLOOR ? LearningVerdict.Status.FLOOR
                    : LearningVerdict.Status.UNJUDGED;
            return new LearningVerdict(status, validation.metric(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no " + (train.isEmpty() ? "labelled training" : "validation") + " samples to judge on");
        }
        if (deployedInputs.size() != validation.samples().size()) {
            throw new IllegalArgumentException(deployedInputs.size() + " deployed validation inputs for "
                    + validation.samples().size() + " validation samples");
        }
        LabelPrior prior = LabelPrior.fit(dataset, train);
        Validation.Scores floor = validation.scores(prior.predict(validation.samples()));
        Validation.Scores score = validation.scores(model.predict(deployedInputs));
        if (dataset.task().isClassification()) {
            double loss = TrainingFit.crossEntropy(dataset, train, model.predict(train));
            return decide(role, validation, score.overall(), floor.overall(), loss, prior.entropy());
        }
        return decide(role, validation, score.overall(), floor.overall(), Double.NaN, Double.NaN,
                lostClasses(validation, score.byClass(), floor.byClass()));
    }

    /**
     * The segmentation classes whose validation score does not beat the prior's on that class, as "name 0.000 (prior
     * 0.412)": a model can beat the prior's mean Dice while it has lost one class entirely. A class undefined for both
     * (absent from the validation masks and from both predictions) is skipped.
     */
    static List<String> lostClasses(Validation validation, Map<String, Double> model, Map<String, Double> prior) {
        List<String> lost = new ArrayList<>();
        model.forEach((name, score) -> {
            double floor = prior.getOrDefault(name, Double.NaN);
            if ((!Double.isNaN(score) || !Double.isNaN(floor)) && !validation.better(score, floor)) {
                lost.add(String.format(Locale.ROOT, "%s %.3f (prior %.3f)", name, score, floor));
            }
        });
        return lost;
    }

    /**
     * The rule on known numbers: learned when {@code score} beats {@code floor} and, where a training loss is given
     * (classification), it is at most {@link LearningVerdict#LOSS_RATIO} times the prior entropy.
     */
    public static LearningVerdict decide(Role role, Validation validation, double score, double floor, double trainLoss,
                                         double priorEntropy) {
        return decide(role, validation, score, floor, trainLoss, priorEntropy, List.of());
    }

    /**
     * The rule with segmentation's per-class check: not learned either if some class's validation score does not
     * beat the prior's on it ({@code lostClasses}, see {@link #lostClasses}).
     */
    public static LearningVerdict decide(Role role, Validation validation, double score, double floor, double trainLoss,
                                         double priorEntropy, List<String> lostClasses) {
        String metric = validation.metric();
        if (role == Role.FLOOR) {
            return new LearningVerdict(LearningVerdict.Status.FLOOR, metric, score, floor, trainLoss, priorEntropy,
                    "a floor row: a reference, not judged");
        }
        if (Double.isNaN(score) || Double.isNaN(floor)) {
            return new LearningVerdict(LearningVerdict.Status.UNJUDGED, metric, score, floor, trainLoss, priorEntropy,
                    "validation " + metric + " is undefined");
        }
        boolean classification = !Double.isNaN(priorEntropy);
        boolean beatsFloor = validation.better(score, floor);
        boolean fits = !classification || trainLoss <= LearningVerdict.LOSS_RATIO * priorEntropy;
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "validation %s %.3f %s prior %.3f", metric,
                score, beatsFloor ? "beats" : "does not beat", floor));
        if (classification) {
            why.append(String.format(Locale.ROOT, "; training loss %.3f %s %.1f x prior entropy %.3f", trainLoss,
                    fits ? "<=" : ">", LearningVerdict.LOSS_RATIO, priorEntropy));
        }
        if (!lostClasses.isEmpty()) {
            why.append("; per class, does not beat the prior on ").append(String.join(", ", lostClasses));
        }
        LearningVerdict.Status status = beatsFloor && fits && lostClasses.isEmpty() ? LearningVerdict.Status.LEARNED
                : LearningVerdict.Status.NOT_LEARNED;
        return new LearningVerdict(status, metric, score, floor, trainLoss, priorEntropy, why.toString());
    }
}
