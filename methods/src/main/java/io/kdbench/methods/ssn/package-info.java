/**
 * SSN, one shared encoder for two skin-image modalities with shared cross-attention and a prior-inspired biased
 * loss (arXiv 2403.19203), with separate-encoder and late-fusion rows.
 */
package io.kdbench.methods.ssn;
