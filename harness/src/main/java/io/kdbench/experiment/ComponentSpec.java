package io.kdbench.experiment;

import io.kdbench.api.Params;

/**
 * A method or dataset as the experiment file names it.
 *
 * @param label  the row or column name in results (defaults to the id; differs when one id is run
 *               with two parameter sets)
 * @param id     registry id
 * @param params defaults merged with the file's values
 */
public record ComponentSpec(String label, String id, Params params) {
}
