package io.kdbench.methods.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** Builds one training batch: a value for every placeholder the loss needs, by placeholder name. */
@FunctionalInterface
public interface BatchMaker {
    Map<String, INDArray> make(int[] sampleIndices);
}
