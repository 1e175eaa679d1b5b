/**
 * Image transforms shared by the datasets: intensity normalisation, resampling to a shape or spacing, smoothing.
 */
package io.kdbench.datasets.transform;
