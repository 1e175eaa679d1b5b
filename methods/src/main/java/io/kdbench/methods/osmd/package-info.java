/**
 * OS-MD, one-stage modality distillation for a modality missing at test (arXiv 2309.08204), with RGB-only, two-
 * stage, mean-imputation and full-modality rows on one network.
 */
package io.kdbench.methods.osmd;
