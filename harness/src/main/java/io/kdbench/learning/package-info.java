/**
 * The learned verdict of a cell: the label-prior entropy, a training fit's loss against it, and the validation
 * score against the floor rows.
 */
package io.kdbench.learning;
