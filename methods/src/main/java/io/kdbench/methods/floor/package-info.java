/**
 * The floor rows on every dataset: the training label prior (or the empty / mean mask) and a logistic-regression
 * probe on downsampled pixels or voxels (Tribuo).
 */
package io.kdbench.methods.floor;
