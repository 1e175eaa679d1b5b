/**
 * Attention maps of the ViT students (last-layer CLS attention and rollout) as images, for the zero-shot
 * localization metrics.
 */
package io.kdbench.methods.attention;
