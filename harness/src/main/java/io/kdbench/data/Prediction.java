package io.kdbench.data;

/**
 * What a trained model says about one test case; fields a task does not need are null.
 *
 * @param caseId        the {@link Sample#id()} it answers
 * @param probabilities class probabilities (single-label: sums to 1; multi-label: independent)
 * @param segmentation  predicted label map
 * @param attention     an attention or saliency map over the image (1 channel), for localization metrics
 */
public record Prediction(String caseId, double[] probabilities, LabelMap segmentation, Image attention) {
}
