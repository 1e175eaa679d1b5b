package io.kdbench.api;

/**
 * A categorical task beside a classification dataset's label whose ground truth is a column of the privileged tabular
 * data, e.g. one criterion of Derm7pt's seven-point checklist. Methods may learn it while training and predict it at
 * test (from the inputs available at test); the harness scores it against the original samples' tabular values.
 *
 * @param name    the task's name (unique within the dataset)
 * @param column  index into {@link io.kdbench.data.Sample#tabular()} holding the true value 0..classes-1
 * @param classes number of values the task can take (at least 2)
 */
public record AttributeTask(String name, int column, int classes) {
    public AttributeTask {
        if (column < 0 || classes < 2) {
            throw new IllegalArgumentException("attribute task " + name + ": column " + column + " must be >= 0 and "
                    + classes + " classes >= 2");
        }
    }
}
