/**
 * JMH benchmarks: the metric kernels (AUROC, segmentation metrics) and one training step and inference batch of
 * each network the methods train (StepNetwork), timed beside PyTorch by bench/step-table.
 */
package io.kdbench.bench;
