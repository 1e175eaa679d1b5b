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
 */
public record DatasetInfo(String id, Task task, List<String> classes, List<Modality> modalities, boolean federated) {
    public DatasetInfo {
        classes = List.copyOf(classes);
        modalities = List.copyOf(modalities);
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
