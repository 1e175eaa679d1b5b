/**
 * MMPKD, multimodal privileged knowledge distillation into an image-only ViT (arXiv 2508.06558), with the student
 * trained alone (vit-student) and the privileged teacher as an upper bound.
 */
package io.kdbench.methods.mmpkd;
