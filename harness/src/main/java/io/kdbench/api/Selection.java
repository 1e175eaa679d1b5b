package io.kdbench.api;

import java.util.List;

/**
 * How a model was chosen on the validation split: the score after every {@code every} optimisation steps, and
 * the step whose weights were kept.
 *
 * @param metric      the criterion scored: "cross-entropy" for classification, the primary metric for segmentation
 * @param every       optimisation steps between evaluations
 * @param steps       the step after which each evaluation ran
 * @param scores      the validation score at each of those steps (NaN where undefined)
 * @param chosenStep  the step whose weights the deployed model has
 * @param chosenScore its validation score
 */
public record Selection(String metric, int every, List<Integer> steps, List<Double> scores, int chosenStep,
                        double chosenScore) {
    public Selection {
        steps = List.copyOf(steps);
        scores = List.copyOf(scores);
        if (steps.size() != scores.size()) {
            throw new IllegalArgumentException(steps.size() + " steps but " + scores.size() + " scores");
        }
    }
}
