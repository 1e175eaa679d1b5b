package io.kdbench.experiment;

import io.kdbench.api.Params;

import java.util.List;

/**
 * A method or dataset as the experiment file names it.
 *
 * @param label    the row or column name in results (defaults to the id; differs when one id is run
 *                 with two parameter sets)
 * @param id       registry id
 * @param params   defaults merged with the file's values
 * @param datasets for a method, the dataset labels it runs on (empty: every dataset of the experiment)
 */
public record ComponentSpec(String label, String id, Params params, List<String> datasets) {
    public ComponentSpec {
        datasets = List.copyOf(datasets);
    }

    public ComponentSpec(String label, String id, Params params) {
        this(label, id, params, List.of());
    }

    /** Whether this method is to run on the dataset with this label. */
    public boolean runsOn(String datasetLabel) {
        return datasets.isEmpty() || datasets.contains(datasetLabel);
    }
}
