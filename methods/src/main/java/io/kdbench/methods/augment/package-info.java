/**
 * Data augmentation and perturbation used in training: shifts, flips, intensity changes, noise, feature
 * perturbation, and the resampling of repository volumes to the clients' grid.
 */
package io.kdbench.methods.augment;
