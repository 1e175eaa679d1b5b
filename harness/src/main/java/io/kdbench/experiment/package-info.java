/**
 * Experiment files: YAML read into a validated Experiment (datasets, methods, seeds, metrics, claims), every error
 * naming the file and line.
 */
package io.kdbench.experiment;
