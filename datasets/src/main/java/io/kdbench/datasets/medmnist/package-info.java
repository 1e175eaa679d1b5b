/**
 * The medmnist dataset: the official MedMNIST .npz files (2-D and 3-D, gray and RGB, single-label, multi-label and
 * ordinal) read by a small NumPy .npy reader, with their official splits.
 */
package io.kdbench.datasets.medmnist;
