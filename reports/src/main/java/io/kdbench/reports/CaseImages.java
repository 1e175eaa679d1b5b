package io.kdbench.reports;

import io.kdbench.data.Sample;
import io.kdbench.store.CellRecord;

import java.util.Map;

/** Gives back a cell's test cases by id (datasets are regenerated from the stored spec), for drawing attention. */
@FunctionalInterface
public interface CaseImages {
    /** The cell's test samples by case id; empty if they cannot be had (e.g. a plug-in dataset not on the classpath). */
    Map<String, Sample> testCases(CellRecord cell);

    CaseImages NONE = cell -> Map.of();
}
