/**
 * Data augmentation and perturbation used in training: shifts, flips, intensity changes, noise, feature
 * perturbation. Resampling repository volumes to the clients' grid is {@link io.kdbench.data.Resampling}'s
 * {@code linearByCorners} (this package's {@code Resampling} only forwards to it until fedkd imports it directly).
 */
package io.kdbench.methods.augment;
