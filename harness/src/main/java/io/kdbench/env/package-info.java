/**
 * The environment a cell records in its provenance: versions, CPU and instruction set, git state and code version,
 * and the compute backend (found through ServiceLoader).
 */
package io.kdbench.env;
