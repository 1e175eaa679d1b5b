/**
 * Classification metrics: accuracy, balanced accuracy, sensitivity, specificity, F1, AUROC (binary, one-vs-rest,
 * weighted), from confusion counts or scores.
 */
package io.kdbench.metrics.classification;
