/**
 * HDC, hierarchical distillation for semi-supervised fetal ultrasound segmentation (arXiv 2504.09876), with the
 * rows it is compared with: the mean teacher and supervised training on the labelled fraction, and their common
 * semi-supervised base.
 */
package io.kdbench.methods.hdc;
