package io.kdbench.reports.model;

import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.Experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the datasets and methods in the experiment file: every table and chart of the report follows it, as
 * the terminal leaderboard does. Names the file does not give (cells of an older grid) come after, in the order
 * first seen.
 */
public record ExperimentOrder(List<String> datasets, List<String> methods) {
    /** No experiment file: first-seen order. */
    public static final ExperimentOrder NONE = new ExperimentOrder(List.of(), List.of());

    public ExperimentOrder {
        datasets = List.copyOf(datasets);
        methods = List.copyOf(methods);
    }

    /** The labels of the experiment's datasets and methods (a method listed twice counts where it first appears). */
    public static ExperimentOrder of(Experiment experiment) {
        return new ExperimentOrder(labels(experiment.datasets()), labels(experiment.methods()));
    }

    /** Sorts dataset names in place into this order. */
    public void sortDatasets(List<String> names) {
        sort(names, datasets);
    }

    /** Sorts method names in place into this order. */
    public void sortMethods(List<String> names) {
        sort(names, methods);
    }

    private static void sort(List<String> names, List<String> order) {
        List<String> seen = new ArrayList<>(names);
        names.sort(Comparator.comparingInt((String n) -> order.contains(n) ? order.indexOf(n) : order.size())
                .thenComparingInt(seen::indexOf));
    }

    private static List<String> labels(List<ComponentSpec> specs) {
        List<String> out = new ArrayList<>();
        for (ComponentSpec s : specs) {
            if (!out.contains(s.label())) {
                out.add(s.label());
            }
        }
        return out;
    }
}
