/**
 * The data a method sees: images and label maps with their spacing, samples with their modalities, labels, masks
 * and privileged inputs, the train / validation / test / external splits, and predictions.
 */
package io.kdbench.data;
