/**
 * Federated few-shot dual knowledge distillation (arXiv 2303.14357) and its comparison rows: FedAvg, semi-supervised
 * FL (a mean teacher per client), local-only and centralised training; the repository teacher's pre-training and its
 * sharing by the rows of one draw, one client's local trainer, and the dual-KD losses.
 */
package io.kdbench.methods.fedkd;
