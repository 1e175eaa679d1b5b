/**
 * The manifest dataset: real data named in a CSV (PNG, JPEG, NIfTI; text, tabular and privileged columns), read,
 * checked row by row before any cell runs, preprocessed (reorientation, resampling, normalisation) and
 * partitioned.
 */
package io.kdbench.datasets.manifest;
