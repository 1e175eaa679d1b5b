/**
 * Data augmentation and perturbation used in training: shifts, flips, intensity changes, noise, feature
 * perturbation. (Resampling, e.g. of repository volumes to the clients' grid, is {@link io.kdbench.data.Resampling}.)
 */
package io.kdbench.methods.augment;
