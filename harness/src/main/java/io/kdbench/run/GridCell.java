package io.kdbench.run;

import io.kdbench.experiment.ComponentSpec;
import io.kdbench.store.RunSpec;

/**
 * One cell of a grid run with what is needed to compute it.
 *
 * @param index   its place in grid order
 * @param hash    its name in the store (spec, code version and compute identity)
 * @param spec    what to train, on what, with which seed
 * @param dataset the experiment's dataset entry the spec was made from
 */
public record GridCell(int index, String hash, RunSpec spec, ComponentSpec dataset) {
}
