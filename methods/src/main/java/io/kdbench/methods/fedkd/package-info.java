/**
 * Federated few-shot dual knowledge distillation (arXiv 2303.14357) and its comparison rows: FedAvg, local-only
 * and centralised training, the repository teacher shared by the rows of one draw, and the dual-KD losses.
 */
package io.kdbench.methods.fedkd;
