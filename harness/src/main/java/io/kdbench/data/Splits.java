package io.kdbench.data;

import java.util.List;

/**
 * The partitions of a dataset for one seed. {@code train} may hold unlabelled samples
 * ({@link Sample#labelled()} false); {@code external} is an optional extra pool such as the
 * high-resolution repository a federated teacher is pre-trained on.
 */
public record Splits(List<Sample> train, List<Sample> validation, List<Sample> test, List<Sample> external) {
    public Splits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
        external = List.copyOf(external);
    }

    public List<Sample> labelledTrain() {
        return train.stream().filter(Sample::labelled).toList();
    }
}
