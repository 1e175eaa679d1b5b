/**
 * How a dataset's cases are split: the split sizes a generating dataset declares, stratified train / validation /
 * test splits, the labelled fraction, and federated clients (by site, IID or Dirichlet label skew).
 */
package io.kdbench.datasets.partition;
