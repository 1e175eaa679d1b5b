/**
 * Image transforms shared by the datasets: intensity normalisation and smoothing. Resizing to a shape or spacing is
 * {@link io.kdbench.data.Resampling} in the harness, which the methods use too.
 */
package io.kdbench.datasets.transform;
