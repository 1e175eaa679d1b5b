/**
 * Segmentation metrics per case and class: Dice, IoU, Hausdorff, HD95 (MONAI's and medpy's conventions) and ASSD,
 * with the empty-mask policy applied.
 */
package io.kdbench.metrics.segmentation;
