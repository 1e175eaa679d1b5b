/**
 * The float raster (Grid) the synthetic generators paint on and the transforms resample.
 */
package io.kdbench.datasets.raster;
