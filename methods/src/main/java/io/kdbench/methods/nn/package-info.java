/**
 * Network building blocks in SameDiff: convolution and norm layers, CNN encoders, U-Nets (2-D and 3-D), the vision
 * transformer and its attention, losses, EMA between graphs and initialisation.
 */
package io.kdbench.methods.nn;
