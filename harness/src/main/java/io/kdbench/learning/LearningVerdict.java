package io.kdbench.learning;

/**
 * Whether a cell's model learned, judged by the harness (not by the method) after training.
 *
 * <p>A classification row learned when the cross-entropy of its deployed model on the labelled training samples is
 * at most {@link #LOSS_RATIO} times the label-prior entropy and its validation score (the dataset's primary metric,
 * with the validation cases given as test cases are: without what is privileged) beats the label prior's; a
 * segmentation row when its validation Dice beats the prior's (the majority mask), on the mean over foreground
 * classes and on every foreground class (so a model that lost one class is caught). Rows that did not learn are
 * marked in every table and are not evidence in comparisons.
 *
 * @param status          the verdict
 * @param metric          the primary metric of the validation scores
 * @param validation      the deployed model's validation score, on the inputs it is given at test
 * @param floorValidation the label prior's validation score
 * @param trainLoss       the deployed model's training cross-entropy in nats (NaN for segmentation)
 * @param priorEntropy    the label-prior entropy in nats (NaN for segmentation)
 * @param reason          what decided it, in words
 */
public record LearningVerdict(Status status, String metric, double validation, double floorValidation,
                              double trainLoss, double priorEntropy, String reason) {
    public static final double LOSS_RATIO = 0.8;

    public enum Status {
        LEARNED,
        NOT_LEARNED,
        /** A floor row: a reference, not judged. */
        FLOOR,
        /** Could not be judged (no validation split, or a score undefined on it). */
        UNJUDGED
    }

    public boolean learned() {
        return status == Status.LEARNED;
    }

    /** Whether a row with this verdict may be cited as evidence in a comparison (floors are references). */
    public boolean evidence() {
        return status == Status.LEARNED || status == Status.FLOOR;
    }
}
