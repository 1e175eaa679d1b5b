/**
 * Metrics: pure kernels (arrays in, numbers out) in the sub-packages, and the {@link io.kdbench.api.Metric}
 * implementations that adapt samples and predictions to them.
 */
package io.kdbench.metrics;
