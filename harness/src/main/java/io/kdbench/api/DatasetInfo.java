package io.kdbench.api;

import java.util.List;

/**
 * What a configured dataset is, known before any data is generated or read.
 *
 * @param id         registry id
 * @param task       the task its labels define
 * @param classes    class names (for segmentation: index 0 is background)
 * @param modalities its inputs, with the privileged ones marked
 * @param federated  true if samples carry a client and the dataset has an external repository
 * @param rareForeground segmentation whose foreground classes are a small share of the voxels (a structure in a
 *                   whole real volume): segmentation rows then leave the background out of the Dice term of their
 *                   supervised loss (nnU-Net's Dice + CE with {@code do_bg=False}, MONAI's
 *                   {@code DiceCELoss(include_background=False)}), so the rare classes are not outweighed by the
 *                   background. Set by segmentation manifests, by the synthetic fetal-us (its symphysis is about 2 % of
 *                   the pixels) and by knee-mr-federated (each cartilage 0.2-10 % of the voxels); the other synthetic
 *                   datasets keep the Dice over all classes
 * @param attributes categorical tasks beside the label whose truth is a privileged tabular column (empty if none):
 *                   what a multi-task method such as SSN predicts besides the diagnosis, scored by
 *                   {@code accuracy[tasks]}
 */
public record DatasetInfo(String id, Task task, List<String> classes, List<Modality> modalities, boolean federated,
                          boolean rareForeground, List<AttributeTask> attributes) {
    public DatasetInfo {
        classes = List.copyOf(classes);
        modalities = List.copyOf(modalities);
        attributes = List.copyOf(attributes);
    }

    /** A dataset without attribute tasks. */
    public DatasetInfo(String id, Task task, List<String> classes, List<Modality> modalities, boolean federated,
                       boolean rareForeground) {
        this(id, task, classes, modalities, federated, rareForeground, List.of());
    }

    /** A dataset without {@link #rareForeground()} or attribute tasks. */
    public DatasetInfo(String id, Task task, List<String> classes, List<Modality> modalities, boolean federated) {
        this(id, task, classes, modalities, federated, false);
    }

    /** This dataset with these attribute tasks. */
    public DatasetInfo withAttributes(List<AttributeTask> value) {
        return new DatasetInfo(id, task, classes, modalities, federated, rareForeground, value);
    }

    public int numClasses() {
        return classes.size();
    }

    public boolean hasPrivileged() {
        return modalities.stream().anyMatch(Modality::privileged);
    }

    public List<Modality> imageModalities(boolean privileged) {
        return modalities.stream()
                .filter(m -> m.kind() == Modality.Kind.IMAGE && m.privileged() == privileged).toList();
    }
}
