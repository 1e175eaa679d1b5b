/**
 * Training shared by all methods: the recipe (step budget, AdamW, warm-up and cosine decay, clipping), the
 * training loop and its per-step array reuse, model selection on validation, batching, federated averaging, and
 * the classifier and segmentation models that predict.
 */
package io.kdbench.methods.train;
