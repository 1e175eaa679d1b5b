/**
 * Zero-shot localization of attention or saliency maps against ground-truth regions: pixel AUROC, box IoU and the
 * mass outside the region.
 */
package io.kdbench.metrics.localization;
