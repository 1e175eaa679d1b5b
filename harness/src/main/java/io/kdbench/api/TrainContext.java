package io.kdbench.api;

import io.kdbench.data.Splits;

/**
 * Everything {@link DistillationMethod#train} may use.
 *
 * @param params     the method's parameters (defaults merged with the experiment file)
 * @param dataset    what the dataset is
 * @param splits     the data for this seed; methods train on {@code train} and may select on {@code validation};
 *                   the harness hands {@code test} over without labels, targets, masks or privileged inputs
 * @param seed       the only source of randomness
 * @param log        where the training curve and extra results go
 * @param validation the validation split with the dataset's primary metric, for model selection and for
 *                   measuring teachers
 */
public record TrainContext(Params params, DatasetInfo dataset, Splits splits, long seed, TrainingLog log,
                           Validation validation) {
}
