package io.kdbench.data;

import java.util.List;

/**
 * The partitions of a dataset for one seed. {@code train} may hold unlabelled samples
 * ({@link Sample#labelled()} false); {@code external} is an optional extra pool such as the
 * high-resolution repository a federated teacher is pre-trained on.
 */
public record Splits(List<Sample> train, List<Sample> validation, List<Sample> test, List<Sample> external) {
    public Splits {
        train = keep(train);
        validation = keep(validation);
        test = keep(test);
        external = keep(external);
    }

    /** Copies an ordinary list; keeps a {@link LazySamples} as it is, since copying would load every sample. */
    private static List<Sample> keep(List<Sample> samples) {
        return samples instanceof LazySamples ? samples : List.copyOf(samples);
    }

    public List<Sample> labelledTrain() {
        return train.stream().filter(Sample::labelled).toList();
    }
}
