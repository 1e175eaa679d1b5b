/**
 * How a dataset's cases are split: stratified train / validation / test splits, the labelled fraction, and
 * federated clients (by site, IID or Dirichlet label skew).
 */
package io.kdbench.datasets.partition;
