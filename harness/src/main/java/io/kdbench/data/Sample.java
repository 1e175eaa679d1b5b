package io.kdbench.data;

import java.util.Map;

/**
 * One case of a dataset. Fields that a dataset does not have are null (or -1 for {@code label}). Build one with
 * {@link #of} and the {@code with...} methods, which name the fields they set, rather than the positional
 * constructor.
 *
 * @param id        unique within the dataset
 * @param images    image modalities by name (e.g. "image", "depth", "clinical", "dermoscopy")
 * @param label     class index for single-label classification, -1 if none or unlabelled
 * @param targets   multi-label target vector (0/1), null if single-label
 * @param mask      segmentation ground truth, or the region of interest for localization scoring
 * @param text      privileged free text (e.g. a report), null if none
 * @param tabular   privileged tabular features, null if none
 * @param client    site or federated client, null if none
 * @param labelled  false for the unlabelled pool of semi-supervised / few-shot settings
 */
public record Sample(String id, Map<String, Image> images, int label, float[] targets, LabelMap mask,
                     String text, double[] tabular, String client, boolean labelled) {

    public Sample {
        images = Map.copyOf(images);
    }

    public Image image(String modality) {
        Image image = images.get(modality);
        if (image == null) {
            throw new IllegalArgumentException("sample " + id + " has no modality '" + modality
                    + "' (has " + images.keySet() + ")");
        }
        return image;
    }

    /** A labelled case with these images and nothing else: no label (-1), targets, mask, text, tabular or client. */
    public static Sample of(String id, Map<String, Image> images) {
        return new Sample(id, images, -1, null, null, null, null, null, true);
    }

    public Sample withImages(Map<String, Image> value) {
        return new Sample(id, value, label, targets, mask, text, tabular, client, labelled);
    }

    public Sample withLabel(int value) {
        return new Sample(id, images, value, targets, mask, text, tabular, client, labelled);
    }

    public Sample withTargets(float[] value) {
        return new Sample(id, images, label, value, mask, text, tabular, client, labelled);
    }

    public Sample withMask(LabelMap value) {
        return new Sample(id, images, label, targets, value, text, tabular, client, labelled);
    }

    public Sample withText(String value) {
        return new Sample(id, images, label, targets, mask, value, tabular, client, labelled);
    }

    public Sample withTabular(double[] value) {
        return new Sample(id, images, label, targets, mask, text, value, client, labelled);
    }

    public Sample withClient(String value) {
        return new Sample(id, images, label, targets, mask, text, tabular, value, labelled);
    }

    public Sample withLabelled(boolean value) {
        return new Sample(id, images, label, targets, mask, text, tabular, client, value);
    }
}
