package io.kdbench.learning;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Role;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.Validation;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;

import java.util.List;
import java.util.Locale;

/** Computes a cell's {@link LearningVerdict} from its trained model, its splits and the validation metric. */
public final class LearningCheck {
    private LearningCheck() {
    }

    /** Predicts the validation samples (and, for classification, the labelled training samples) and judges. */
    public static LearningVerdict judge(Role role, DatasetInfo dataset, Splits splits, TrainedModel model,
                                        Validation validation) {
        List<Sample> train = splits.labelledTrain();
        if (validation.isEmpty() || train.isEmpty()) {
            return new LearningVerdict(role == Role.FLOOR ? LearningVerdict.Status.FLOOR : LearningVerdict.Status.UNJUDGED,
                    validation.metric(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "no " + (train.isEmpty() ? "labelled training" : "validation") + " samples to judge on");
        }
        LabelPrior prior = LabelPrior.fit(dataset, train);
        double floor = validation.score(prior.predict(validation.samples()));
        double score = validation.score(model.predict(validation.samples()));
        double loss = Double.NaN;
        double entropy = Double.NaN;
        if (dataset.task().isClassification()) {
            loss = TrainingFit.crossEntropy(dataset, train, model.predict(train));
            entropy = prior.entropy();
        }
        return decide(role, validation, score, floor, loss, entropy);
    }

    /**
     * The rule on known numbers: learned when {@code score} beats {@code floor} and, where a training loss is given
     * (classification), it is at most {@link LearningVerdict#LOSS_RATIO} times the prior entropy.
     */
    public static LearningVerdict decide(Role role, Validation validation, double score, double floor, double trainLoss,
                                         double priorEntropy) {
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
        LearningVerdict.Status status = beatsFloor && fits ? LearningVerdict.Status.LEARNED
                : LearningVerdict.Status.NOT_LEARNED;
        return new LearningVerdict(status, metric, score, floor, trainLoss, priorEntropy, why.toString());
    }
}
