package io.kdbench.data;

import java.util.Map;

/**
 * What a trained model says about one test case; fields a task does not need are null.
 *
 * @param caseId        the {@link Sample#id()} it answers
 * @param probabilities class probabilities (single-label: sums to 1; multi-label: independent)
 * @param segmentation  predicted label map
 * @param attention     an attention or saliency map over the image (1 channel), for localization metrics
 * @param attributes    probabilities of each attribute task's values, by task name (see
 *                      {@link io.kdbench.api.AttributeTask}); null if the model predicts none
 */
public record Prediction(String caseId, double[] probabilities, LabelMap segmentation, Image attention,
                         Map<String, double[]> attributes) {

    /** A prediction without attribute tasks. */
    public Prediction(String caseId, double[] probabilities, LabelMap segmentation, Image attention) {
        this(caseId, probabilities, segmentation, attention, null);
    }
}
