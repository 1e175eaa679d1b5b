/**
 * Surface distances between label maps: an exact Euclidean distance transform and the percentile conventions of
 * HD95.
 */
package io.kdbench.metrics.surface;
